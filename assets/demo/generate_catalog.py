#!/usr/bin/env python3
"""Generate the Omnitill demo catalog ("Omnitill Demo Market").

Deterministic: the same script always produces a byte-identical CSV
(fixed random seed, fixed product order). Standard library only.

Usage:
    python3 assets/demo/generate_catalog.py            # writes catalog.csv next to this script
    python3 assets/demo/generate_catalog.py -o FILE    # writes FILE
    python3 assets/demo/generate_catalog.py -o -      # writes to standard output

Columns: sku,name,barcodes,price,tax,category,unit
  price    VAT-inclusive EUR, 2 decimals, dot separator (per kg when unit=kg)
  tax      RED (10 % reduced) or STD (21 % standard)
  unit     each | kg
  barcodes one or more EAN-13 separated by '|'
All brand names are invented for the demo.
"""

import argparse
import csv
import io
import os
import random
import sys

SEED = 20240601
HEADER = ["sku", "name", "barcodes", "price", "tax", "category", "unit"]

# Invented brands -> GS1 country prefix used for their company prefix.
# 840-849 Spain, 500-509 United Kingdom, 400-440 Germany.
BRANDS = {
    "": "847",              # unbranded fresh produce / counters (store supplier)
    "Demo Market": "849",    # store own label
    "La Huerta": "843",
    "Granja Alba": "841",
    "Pico Blanco": "842",
    "Valle Dorado": "844",
    "Molino Real": "845",
    "Horno San Martín": "846",
    "Olivar del Sur": "848",
    "Mar Cantábrico": "840",
    "Casa Ribera": "843",
    "Nordfeld": "400",
    "Hartmann": "401",
    "Bergquell": "402",
    "Kalliston": "403",
    "Sonnenhof": "404",
    "Greenleigh": "500",
    "Bramble & Co": "501",
    "Kingsbury": "502",
    "Brisa": "841",
    "Fresca": "842",
    "Sol de Rioja": "844",
    "Clearwave": "503",
    "Puro": "845",
    "Linden": "405",
    "Dulcinea": "846",
}

# Category -> list of (brand, name, price, tax, unit). tax/unit default to the
# category's defaults when given as None.
K = "kg"
R = "RED"
S = "STD"

CATALOG = [
    ("Fruit & Vegetables", R, [
        ("", "Bananas Canary Islands", "2.29", None, K),
        ("", "Golden Delicious Apples", "2.19", None, K),
        ("", "Royal Gala Apples", "2.49", None, K),
        ("", "Conference Pears", "2.39", None, K),
        ("", "Valencia Oranges", "1.69", None, K),
        ("", "Lemons", "2.49", None, K),
        ("", "Vine Tomatoes", "2.89", None, K),
        ("", "Red Peppers", "3.29", None, K),
        ("", "Courgettes", "1.89", None, K),
        ("", "Loose Potatoes", "1.19", None, K),
        ("", "Loose Onions", "1.39", None, K),
        ("La Huerta", "Cherry Tomatoes 250 g", "1.39", None, None),
        ("La Huerta", "Strawberries 500 g", "2.79", None, None),
        ("Greenleigh", "Blueberries 125 g", "1.89", None, None),
        ("La Huerta", "Hass Avocados 2 Pack", "2.39", None, None),
        ("Demo Market", "Garlic 3 Bulbs", "1.19", None, None),
        ("Greenleigh", "Mixed Salad Leaves 200 g", "1.49", None, None),
        ("Greenleigh", "Baby Spinach 150 g", "1.59", None, None),
        ("", "Iceberg Lettuce", "0.95", None, None),
        ("Demo Market", "Broccoli 500 g", "1.69", None, None),
        ("Demo Market", "White Mushrooms 250 g", "1.29", None, None),
        ("Demo Market", "Potatoes 3 kg Bag", "3.29", None, None),
        ("Demo Market", "Onions 1 kg Bag", "1.35", None, None),
        ("Demo Market", "Carrots 1 kg Bag", "0.99", None, None),
        ("La Huerta", "Seedless White Grapes 500 g", "2.39", None, None),
        ("", "Pineapple Extra Sweet", "1.99", None, None),
        ("La Huerta", "Mandarins 1 kg Net", "2.19", None, None),
        ("Demo Market", "Limes 500 g Net", "1.99", None, None),
        ("", "Cucumber", "0.69", None, None),
        ("", "Fresh Parsley Bunch", "0.79", None, None),
        ("La Huerta", "Sweet Potatoes 1 kg Bag", "1.99", None, None),
        ("Greenleigh", "Kiwi Fruit 6 Pack", "2.29", None, None),
    ]),
    ("Bakery", R, [
        ("Horno San Martín", "Baguette 250 g", "0.65", None, None),
        ("Horno San Martín", "Rustic Bread Loaf 280 g", "0.95", None, None),
        ("Molino Real", "Wholemeal Sliced Bread 675 g", "1.79", None, None),
        ("Molino Real", "White Sliced Bread 460 g", "1.35", None, None),
        ("Molino Real", "Crustless Sandwich Bread 450 g", "1.99", None, None),
        ("Nordfeld", "Seeded Rye Bread 500 g", "1.89", None, None),
        ("Nordfeld", "Pumpernickel 500 g", "1.79", None, None),
        ("Horno San Martín", "Butter Croissants 4 Pack", "1.99", None, None),
        ("Horno San Martín", "Pain au Chocolat 4 Pack", "2.29", None, None),
        ("Dulcinea", "Lemon Muffins 12 Pack", "1.79", None, None),
        ("Dulcinea", "Chocolate Muffins 4 Pack", "2.49", None, None),
        ("Molino Real", "Brioche Rolls 8 Pack", "1.99", None, None),
        ("Molino Real", "Burger Buns 4 Pack", "1.19", None, None),
        ("Molino Real", "Hot Dog Rolls 6 Pack", "1.15", None, None),
        ("Demo Market", "Flour Tortilla Wraps 8 Pack", "1.49", None, None),
        ("Demo Market", "Wholemeal Wraps 8 Pack", "1.69", None, None),
        ("Demo Market", "Pitta Bread 6 Pack", "0.99", None, None),
        ("Horno San Martín", "Crunchy Breadsticks 250 g", "1.29", None, None),
        ("Molino Real", "Toasted Bread Slices 270 g", "1.39", None, None),
        ("Horno San Martín", "Ensaimada Pastry", "1.10", None, None),
        ("Horno San Martín", "Apple Turnovers 2 Pack", "1.79", None, None),
        ("Dulcinea", "Glazed Doughnuts 4 Pack", "2.19", None, None),
        ("Dulcinea", "Sponge Cake 400 g", "2.49", None, None),
        ("Bramble & Co", "Banana Bread Loaf 350 g", "2.99", None, None),
        ("Horno San Martín", "Ciabatta Rolls 4 Pack", "1.49", None, None),
        ("Nordfeld", "Multigrain Rolls 6 Pack", "1.89", None, None),
        ("Bramble & Co", "Cinnamon Rolls 4 Pack", "2.59", None, None),
        ("Molino Real", "Gluten Free Sliced Bread 300 g", "3.29", None, None),
        ("Demo Market", "Part-Baked Mini Baguettes 4 Pack", "1.29", None, None),
        ("Nordfeld", "Butter Pretzels 4 Pack", "1.99", None, None),
    ]),
    ("Dairy & Eggs", R, [
        ("", "Manchego Cured Cheese Deli Counter", "16.90", None, K),
        ("Granja Alba", "Whole Milk 1 L", "0.99", None, None),
        ("Granja Alba", "Semi-Skimmed Milk 1 L", "0.95", None, None),
        ("Granja Alba", "Skimmed Milk 1 L", "0.92", None, None),
        ("Granja Alba", "Whole Milk 6x1 L", "5.79", None, None),
        ("Pico Blanco", "Lactose Free Semi-Skimmed Milk 1 L", "1.25", None, None),
        ("Sonnenhof", "Organic Whole Milk 1 L", "1.45", None, None),
        ("Linden", "Oat Drink 1 L", "1.69", None, None),
        ("Linden", "Almond Drink 1 L", "1.89", None, None),
        ("Kalliston", "Greek Yogurt 4x125 g", "1.99", None, None),
        ("Pico Blanco", "Natural Yogurt 4x125 g", "1.19", None, None),
        ("Pico Blanco", "Strawberry Yogurt 4x125 g", "1.35", None, None),
        ("Kalliston", "Greek Yogurt with Honey 4x125 g", "2.19", None, None),
        ("Sonnenhof", "Skyr Natural 450 g", "2.29", None, None),
        ("Sonnenhof", "Kefir 500 g", "1.79", None, None),
        ("Granja Alba", "Unsalted Butter 250 g", "2.59", None, None),
        ("Granja Alba", "Salted Butter 250 g", "2.65", None, None),
        ("Granja Alba", "Free Range Eggs Large 12 Pack", "3.29", None, None),
        ("Granja Alba", "Free Range Eggs Medium 6 Pack", "1.79", None, None),
        ("Sonnenhof", "Organic Eggs 6 Pack", "2.49", None, None),
        ("Valle Dorado", "Manchego Cheese Wedge 250 g", "4.99", None, None),
        ("Demo Market", "Mozzarella 125 g", "0.99", None, None),
        ("Hartmann", "Grated Emmental 200 g", "2.19", None, None),
        ("Hartmann", "Gouda Slices 150 g", "1.89", None, None),
        ("Pico Blanco", "Cream Cheese Spread 200 g", "1.59", None, None),
        ("Valle Dorado", "Burgos Fresh Cheese 250 g", "1.89", None, None),
        ("Demo Market", "Parmigiano Reggiano 200 g", "4.49", None, None),
        ("Pico Blanco", "Whipping Cream 200 ml", "1.29", None, None),
        ("Pico Blanco", "Cooking Cream 200 ml", "0.99", None, None),
        ("Pico Blanco", "Vanilla Custard 4x125 g", "1.49", None, None),
        ("Pico Blanco", "Rice Pudding 4x125 g", "1.69", None, None),
        ("Kalliston", "Feta Cheese 200 g", "2.39", None, None),
        ("Valle Dorado", "Goat Cheese Log 200 g", "2.79", None, None),
    ]),
    ("Meat & Fish", R, [
        ("", "Chicken Breast Butcher Counter", "7.49", None, K),
        ("", "Hake Fish Counter", "12.90", None, K),
        ("", "Serrano Ham Deli Counter", "18.90", None, K),
        ("Demo Market", "Chicken Breast Fillets 500 g", "4.29", None, None),
        ("Demo Market", "Whole Chicken 1.6 kg", "5.99", None, None),
        ("Demo Market", "Chicken Thighs 600 g", "3.49", None, None),
        ("Demo Market", "Minced Beef 5% Fat 500 g", "4.99", None, None),
        ("Demo Market", "Pork and Beef Mince 400 g", "3.29", None, None),
        ("Kingsbury", "Beef Burgers 4x100 g", "3.49", None, None),
        ("Demo Market", "Pork Loin Fillets 500 g", "3.99", None, None),
        ("Kingsbury", "Pork Sausages 400 g", "2.59", None, None),
        ("Casa Ribera", "Chorizo Sausage Ring 200 g", "2.19", None, None),
        ("Casa Ribera", "Serrano Ham Slices 100 g", "2.29", None, None),
        ("Casa Ribera", "Iberian Ham Slices 80 g", "5.49", None, None),
        ("Casa Ribera", "Cooked Ham Slices 150 g", "1.89", None, None),
        ("Casa Ribera", "Turkey Breast Slices 150 g", "1.99", None, None),
        ("Hartmann", "Salami Slices 100 g", "1.49", None, None),
        ("Casa Ribera", "Cured Pork Loin Slices 80 g", "2.79", None, None),
        ("Kingsbury", "Smoked Bacon Rashers 200 g", "1.99", None, None),
        ("Demo Market", "Lamb Chops 400 g", "7.49", None, None),
        ("Mar Cantábrico", "Salmon Fillets 2x125 g", "4.99", None, None),
        ("Mar Cantábrico", "Cod Loins 400 g", "5.79", None, None),
        ("Mar Cantábrico", "Cooked Peeled Prawns 200 g", "3.49", None, None),
        ("Mar Cantábrico", "Smoked Salmon 100 g", "2.99", None, None),
        ("Mar Cantábrico", "Fresh Mussels 1 kg Net", "3.49", None, None),
        ("", "Sea Bream Whole", "3.99", None, None),
        ("Mar Cantábrico", "Surimi Sticks 250 g", "1.59", None, None),
        ("", "Fresh Sardines 500 g", "2.99", None, None),
        ("Hartmann", "Frankfurter Sausages 6 Pack", "1.89", None, None),
        ("Casa Ribera", "Morcilla Black Pudding 250 g", "1.79", None, None),
    ]),
    ("Pantry", R, [
        ("Olivar del Sur", "Olive Oil Extra Virgin 1 L", "8.95", None, None),
        ("Olivar del Sur", "Olive Oil Extra Virgin 500 ml", "4.79", None, None),
        ("Olivar del Sur", "Olive Oil Mild 1 L", "6.49", None, None),
        ("Demo Market", "Sunflower Oil 1 L", "1.79", None, None),
        ("Demo Market", "Red Wine Vinegar 750 ml", "0.99", None, None),
        ("Olivar del Sur", "Sherry Vinegar 500 ml", "1.89", None, None),
        ("Demo Market", "Long Grain Rice 1 kg", "1.39", None, None),
        ("Valle Dorado", "Bomba Paella Rice 1 kg", "3.49", None, None),
        ("Bramble & Co", "Basmati Rice 1 kg", "2.49", None, None),
        ("Molino Real", "Spaghetti 500 g", "0.89", None, None),
        ("Molino Real", "Macaroni 500 g", "0.89", None, None),
        ("Molino Real", "Wholewheat Fusilli 500 g", "1.19", None, None),
        ("Valle Dorado", "Cooked Chickpeas Jar 400 g", "0.95", None, None),
        ("Valle Dorado", "Brown Lentils 1 kg", "1.99", None, None),
        ("Valle Dorado", "Cooked White Beans Jar 400 g", "0.99", None, None),
        ("La Huerta", "Chopped Tomatoes 400 g", "0.69", None, None),
        ("La Huerta", "Fried Tomato Sauce 350 g", "0.99", None, None),
        ("La Huerta", "Tomato Passata 500 g", "0.89", None, None),
        ("Mar Cantábrico", "Tuna in Olive Oil 3x80 g", "3.49", None, None),
        ("Mar Cantábrico", "Sardines in Olive Oil 120 g", "1.49", None, None),
        ("Mar Cantábrico", "Anchovies in Olive Oil 50 g", "2.79", None, None),
        ("Molino Real", "Plain Flour 1 kg", "0.85", None, None),
        ("Demo Market", "White Sugar 1 kg", "1.19", None, None),
        ("Demo Market", "Sea Salt 1 kg", "0.49", None, None),
        ("Bramble & Co", "Ground Black Pepper 50 g", "1.29", None, None),
        ("Valle Dorado", "Smoked Paprika 75 g", "1.59", None, None),
        ("Valle Dorado", "Saffron Threads 0.4 g", "3.99", None, None),
        ("Kingsbury", "Cornflakes 500 g", "1.79", None, None),
        ("Linden", "Fruit Muesli 750 g", "2.49", None, None),
        ("Kingsbury", "Porridge Oats 500 g", "1.19", None, None),
        ("Dulcinea", "Wildflower Honey 500 g", "3.49", None, None),
        ("Dulcinea", "Strawberry Jam 350 g", "1.69", None, None),
        ("Bramble & Co", "Smooth Peanut Butter 340 g", "2.29", None, None),
        ("Puro", "Ground Coffee Natural Roast 250 g", "3.29", None, None),
        ("Puro", "Espresso Coffee Capsules 10 Pack", "2.99", None, None),
        ("Puro", "Instant Coffee 200 g", "5.49", None, None),
        ("Kingsbury", "Black Tea 25 Bags", "1.49", None, None),
        ("Linden", "Chamomile Tea 20 Bags", "1.09", None, None),
        ("Puro", "Cocoa Drink Powder 390 g", "2.69", None, None),
        ("Demo Market", "Mayonnaise 450 ml", "1.99", None, None),
        ("Kingsbury", "Tomato Ketchup 560 g", "1.89", None, None),
        ("Hartmann", "Medium Mustard 200 ml", "0.99", None, None),
        ("Demo Market", "Chicken Stock Cubes 10 Pack", "1.19", None, None),
        ("Olivar del Sur", "Anchovy Stuffed Olives 350 g", "1.49", None, None),
        ("Olivar del Sur", "Black Olives Pitted 150 g", "1.09", None, None),
        ("La Huerta", "Gazpacho Chilled 1 L", "2.49", None, None),
    ]),
    ("Drinks", R, [
        ("Bergquell", "Still Mineral Water 1.5 L", "0.39", None, None),
        ("Bergquell", "Still Mineral Water 6x1.5 L", "2.19", None, None),
        ("Bergquell", "Sparkling Mineral Water 1 L", "0.65", None, None),
        ("Fresca", "Orange Juice Not From Concentrate 1 L", "1.79", None, None),
        ("Fresca", "Apple Juice 1 L", "1.49", None, None),
        ("Fresca", "Peach and Grape Nectar 1 L", "1.19", None, None),
        ("Fresca", "Tiger Nut Horchata 1 L", "1.99", None, None),
        ("Clearwave", "Cola 2 L", "1.99", S, None),
        ("Clearwave", "Cola Zero Sugar 1.5 L", "1.69", S, None),
        ("Clearwave", "Cola 6x330 ml Cans", "3.49", S, None),
        ("Brisa", "Lemon Soda 1.5 L", "1.29", S, None),
        ("Brisa", "Orange Soda 1.5 L", "1.29", S, None),
        ("Brisa", "Tonic Water 4x200 ml", "2.19", S, None),
        ("Brisa", "Lemon Iced Tea 1.5 L", "1.59", S, None),
        ("Clearwave", "Energy Drink 500 ml", "1.49", S, None),
        ("Clearwave", "Isotonic Sports Drink 500 ml", "1.19", S, None),
        ("Hartmann", "Lager Beer 6x330 ml Cans", "3.99", S, None),
        ("Hartmann", "Lager Beer 1 L Bottle", "1.49", S, None),
        ("Hartmann", "Alcohol-Free Beer 6x250 ml", "3.29", S, None),
        ("Greenleigh", "Craft IPA 330 ml", "1.99", S, None),
        ("Sol de Rioja", "Rioja Crianza Red Wine 75 cl", "6.49", S, None),
        ("Sol de Rioja", "Ribera del Duero Red Wine 75 cl", "7.99", S, None),
        ("Sol de Rioja", "Rueda Verdejo White Wine 75 cl", "4.99", S, None),
        ("Sol de Rioja", "Navarra Rosé Wine 75 cl", "3.99", S, None),
        ("Sol de Rioja", "Cava Brut 75 cl", "5.49", S, None),
        ("Brisa", "Sangria 1.5 L", "2.49", S, None),
        ("Brisa", "Tinto de Verano Lemon 1.5 L", "1.99", S, None),
        ("Kingsbury", "London Dry Gin 70 cl", "12.99", S, None),
        ("Kingsbury", "Golden Rum 70 cl", "11.49", S, None),
        ("Kingsbury", "Blended Scotch Whisky 70 cl", "13.99", S, None),
        ("Sol de Rioja", "Red Vermouth 1 L", "5.99", S, None),
        ("Greenleigh", "Apple Cider 4x330 ml", "3.79", S, None),
    ]),
    ("Snacks & Sweets", R, [
        ("Brisa", "Potato Crisps Sea Salt 150 g", "1.49", None, None),
        ("Brisa", "Potato Crisps in Olive Oil 150 g", "1.79", None, None),
        ("Brisa", "Paprika Crisps 150 g", "1.49", None, None),
        ("Demo Market", "Tortilla Chips 200 g", "1.39", None, None),
        ("Valle Dorado", "Salted Peanuts 200 g", "1.59", None, None),
        ("Valle Dorado", "Roasted Marcona Almonds 200 g", "2.99", None, None),
        ("Valle Dorado", "Roasted Pistachios 250 g", "3.99", None, None),
        ("Valle Dorado", "Mixed Nuts 200 g", "2.79", None, None),
        ("Valle Dorado", "Salted Sunflower Seeds 200 g", "1.09", None, None),
        ("Demo Market", "Microwave Popcorn 3x90 g", "1.49", None, None),
        ("Nordfeld", "Salted Pretzels 200 g", "1.29", None, None),
        ("Sonnenhof", "Milk Chocolate Bar 100 g", "1.19", None, None),
        ("Sonnenhof", "Dark Chocolate 70% 100 g", "1.49", None, None),
        ("Sonnenhof", "Milk Chocolate with Almonds 150 g", "1.99", None, None),
        ("Dulcinea", "Cocoa Hazelnut Spread 400 g", "2.79", None, None),
        ("Kingsbury", "Digestive Biscuits 400 g", "1.29", None, None),
        ("Dulcinea", "Maria Biscuits 800 g", "1.69", None, None),
        ("Bramble & Co", "Chocolate Chip Cookies 200 g", "1.49", None, None),
        ("Sonnenhof", "Chocolate Wafers 150 g", "1.39", None, None),
        ("Bramble & Co", "Shortbread Fingers 160 g", "1.89", None, None),
        ("Linden", "Fruit Gummy Bears 200 g", "1.19", None, None),
        ("Linden", "Liquorice Twists 200 g", "1.29", None, None),
        ("Clearwave", "Sugar Free Mint Gum 10 Pack", "1.09", None, None),
        ("Dulcinea", "Hard Almond Turrón 200 g", "2.99", None, None),
        ("Dulcinea", "Soft Jijona Turrón 200 g", "3.29", None, None),
        ("Dulcinea", "Almond Polvorones 300 g", "2.49", None, None),
        ("Linden", "Oat and Honey Cereal Bars 6 Pack", "1.79", None, None),
        ("Linden", "Wholegrain Rice Cakes 130 g", "0.99", None, None),
        ("Sonnenhof", "Chocolate Covered Biscuits 150 g", "1.59", None, None),
        ("Demo Market", "Salted Corn Snacks 120 g", "0.89", None, None),
    ]),
    ("Frozen", R, [
        ("Demo Market", "Garden Peas 1 kg", "1.49", None, None),
        ("Demo Market", "Fine Green Beans 1 kg", "1.69", None, None),
        ("Demo Market", "Spinach Portions 750 g", "1.39", None, None),
        ("Demo Market", "Mixed Vegetables 1 kg", "1.59", None, None),
        ("Mar Cantábrico", "Seafood Paella Mix 400 g", "3.49", None, None),
        ("Mar Cantábrico", "Raw King Prawns 500 g", "5.99", None, None),
        ("Mar Cantábrico", "Battered Squid Rings 400 g", "2.99", None, None),
        ("Mar Cantábrico", "Hake Fillets 400 g", "4.49", None, None),
        ("Kingsbury", "Fish Fingers 12 Pack", "2.49", None, None),
        ("Hartmann", "Stone Baked Pizza Margherita 350 g", "2.29", None, None),
        ("Hartmann", "Stone Baked Pizza Pepperoni 370 g", "2.59", None, None),
        ("Hartmann", "Four Cheese Pizza 360 g", "2.59", None, None),
        ("Casa Ribera", "Ham Croquettes 500 g", "2.79", None, None),
        ("Demo Market", "Oven Chips 1 kg", "1.69", None, None),
        ("Demo Market", "Seasoned Potato Wedges 750 g", "1.89", None, None),
        ("Casa Ribera", "Spanish Potato Omelette 500 g", "2.99", None, None),
        ("Fresca", "Vanilla Ice Cream 1 L", "2.49", None, None),
        ("Fresca", "Chocolate Ice Cream 1 L", "2.49", None, None),
        ("Fresca", "Ice Cream Cones 4 Pack", "2.99", None, None),
        ("Fresca", "Lemon Sorbet 500 ml", "1.99", None, None),
        ("Fresca", "Fruit Ice Lollies 6 Pack", "1.99", None, None),
        ("Demo Market", "Party Ice Cubes 2 kg", "1.29", S, None),
        ("Kingsbury", "Beef Lasagne 600 g", "3.29", None, None),
        ("Kingsbury", "Breaded Chicken Nuggets 400 g", "2.69", None, None),
        ("Casa Ribera", "Tuna Empanadillas 12 Pack", "1.99", None, None),
        ("Greenleigh", "Mixed Berries 300 g", "2.29", None, None),
        ("Demo Market", "Sweetcorn 450 g", "1.29", None, None),
        ("Greenleigh", "Vegetable Spring Rolls 12 Pack", "2.19", None, None),
    ]),
    ("Household", S, [
        ("Clearwave", "Washing Up Liquid Lemon 750 ml", "1.29", None, None),
        ("Clearwave", "Dishwasher Tablets 40 Pack", "5.99", None, None),
        ("Clearwave", "Laundry Liquid 40 Washes", "6.49", None, None),
        ("Clearwave", "Laundry Powder 30 Washes", "4.99", None, None),
        ("Clearwave", "Fabric Softener 2 L", "2.49", None, None),
        ("Demo Market", "Household Bleach 2 L", "1.09", None, None),
        ("Demo Market", "Multi-Surface Cleaner 750 ml", "1.59", None, None),
        ("Demo Market", "Glass Cleaner 750 ml", "1.49", None, None),
        ("Clearwave", "Kitchen Degreaser Spray 750 ml", "1.99", None, None),
        ("Clearwave", "Toilet Cleaner Gel 750 ml", "1.39", None, None),
        ("Demo Market", "Floor Cleaner Pine 1.5 L", "1.79", None, None),
        ("Linden", "Toilet Paper 12 Rolls", "4.49", None, None),
        ("Linden", "Kitchen Roll 4 Rolls", "2.49", None, None),
        ("Linden", "Paper Napkins 100 Pack", "0.99", None, None),
        ("Linden", "Pocket Tissues 10 Pack", "0.89", None, None),
        ("Demo Market", "Bin Bags 30 L 25 Pack", "1.49", None, None),
        ("Demo Market", "Drawstring Bin Bags 50 L 15 Pack", "1.99", None, None),
        ("Demo Market", "Aluminium Foil 30 m", "1.99", None, None),
        ("Demo Market", "Cling Film 30 m", "1.29", None, None),
        ("Demo Market", "Baking Paper 10 m", "1.19", None, None),
        ("Demo Market", "Freezer Bags 1 L 40 Pack", "1.39", None, None),
        ("Demo Market", "Scourer Sponges 3 Pack", "0.99", None, None),
        ("Clearwave", "Microfibre Cloths 4 Pack", "2.29", None, None),
        ("Demo Market", "Rubber Gloves Medium", "1.49", None, None),
        ("Nordfeld", "AA Alkaline Batteries 4 Pack", "3.99", None, None),
        ("Nordfeld", "AAA Alkaline Batteries 4 Pack", "3.99", None, None),
        ("Nordfeld", "LED Bulb E27 9 W Warm White", "2.99", None, None),
        ("Clearwave", "Air Freshener Spray Lavender 300 ml", "1.69", None, None),
        ("Clearwave", "Insect Spray 400 ml", "3.49", None, None),
        ("Kingsbury", "Dry Dog Food Chicken 3 kg", "7.99", None, None),
        ("Kingsbury", "Cat Food Pouches 12x85 g", "4.49", None, None),
        ("Demo Market", "Clumping Cat Litter 10 L", "3.99", None, None),
        ("Demo Market", "Household Matches 3 Boxes", "0.79", None, None),
    ]),
    ("Personal Care", S, [
        ("Brisa", "Shampoo Normal Hair 400 ml", "2.49", None, None),
        ("Brisa", "Anti-Dandruff Shampoo 400 ml", "3.29", None, None),
        ("Brisa", "Conditioner 400 ml", "2.49", None, None),
        ("Brisa", "Shower Gel Aloe Vera 750 ml", "2.29", None, None),
        ("Linden", "Liquid Hand Soap Refill 500 ml", "1.39", None, None),
        ("Linden", "Glycerine Soap Bar 2 Pack", "1.49", None, None),
        ("Clearwave", "Whitening Toothpaste 75 ml", "1.79", None, None),
        ("Clearwave", "Toothbrush Medium 2 Pack", "1.99", None, None),
        ("Clearwave", "Mouthwash Fresh Mint 500 ml", "2.99", None, None),
        ("Clearwave", "Dental Floss 50 m", "1.69", None, None),
        ("Greenleigh", "Deodorant Roll-On 50 ml", "2.19", None, None),
        ("Greenleigh", "Deodorant Spray 200 ml", "2.59", None, None),
        ("Greenleigh", "Shaving Foam Sensitive 250 ml", "1.99", None, None),
        ("Greenleigh", "Disposable Razors 5 Pack", "2.79", None, None),
        ("Brisa", "Sunscreen SPF 50 200 ml", "8.99", None, None),
        ("Brisa", "After Sun Lotion 200 ml", "4.49", None, None),
        ("Linden", "Body Lotion 400 ml", "2.99", None, None),
        ("Linden", "Hand Cream 75 ml", "1.89", None, None),
        ("Linden", "Lip Balm 4.8 g", "1.29", None, None),
        ("Demo Market", "Cotton Buds 200 Pack", "0.89", None, None),
        ("Demo Market", "Cotton Pads 80 Pack", "0.99", None, None),
        ("Linden", "Baby Wipes 80 Pack", "1.59", None, None),
        ("Linden", "Nappies Size 4 44 Pack", "11.99", None, None),
        ("Linden", "Sanitary Pads Normal 16 Pack", "1.99", None, None),
        ("Linden", "Tampons Regular 16 Pack", "2.39", None, None),
        ("Greenleigh", "Hair Gel Strong Hold 250 ml", "1.99", None, None),
        ("Linden", "Make-Up Remover Wipes 25 Pack", "1.79", None, None),
        ("Demo Market", "Assorted Plasters 20 Pack", "1.49", None, None),
        ("Demo Market", "Hand Sanitiser Gel 100 ml", "1.29", None, None),
        ("Clearwave", "Electric Toothbrush Heads 2 Pack", "6.99", None, None),
    ]),
]


def ean13_check_digit(first12: str) -> str:
    """GS1 mod-10 check digit: weights 1,3,1,3... from the left for EAN-13."""
    if len(first12) != 12 or not first12.isdigit():
        raise ValueError("need 12 digits: %r" % first12)
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return str((10 - total % 10) % 10)


def forbidden_prefix(code: str) -> bool:
    # 02 and 20-29: restricted circulation (variable measure / in-store numbers).
    return code.startswith("02") or code[0] == "2"


class BarcodeAllocator:
    """Gives each brand a 7-digit GS1-style company prefix and hands out
    unique EAN-13 codes under it."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.company = {}
        self.used_company = set()
        self.used = set()

    def _company_prefix(self, brand: str) -> str:
        if brand not in self.company:
            country = BRANDS[brand]
            while True:
                prefix = country + "%04d" % self.rng.randrange(10000)
                if prefix not in self.used_company:
                    break
            self.used_company.add(prefix)
            self.company[brand] = prefix
        return self.company[brand]

    def new_code(self, brand: str) -> str:
        prefix = self._company_prefix(brand)
        while True:
            body = prefix + "%05d" % self.rng.randrange(100000)
            code = body + ean13_check_digit(body)
            if code not in self.used and not forbidden_prefix(code):
                self.used.add(code)
                return code


def build_rows():
    rng = random.Random(SEED)
    alloc = BarcodeAllocator(rng)
    secondary_brands = [b for b in BRANDS if b not in ("", "Demo Market")]
    rows = []
    n = 0
    for category, default_tax, items in CATALOG:
        for brand, name, price, tax, unit in items:
            n += 1
            full_name = (brand + " " + name) if brand else name
            codes = [alloc.new_code(brand)]
            # ~10 % of products carry a second code (e.g. an older pack design
            # or an alternative supplier's code).
            if rng.random() < 0.10:
                other = brand if rng.random() < 0.5 else rng.choice(secondary_brands)
                codes.append(alloc.new_code(other))
            rows.append([
                "DM-%05d" % n,
                full_name,
                "|".join(codes),
                price,
                tax or default_tax,
                category,
                unit or "each",
            ])
    return rows


def validate(rows):
    skus = set()
    names = set()
    for row in rows:
        sku, name, _codes, price, tax, _cat, unit = row
        assert sku not in skus, sku
        assert name not in names, name
        skus.add(sku)
        names.add(name)
        assert tax in ("RED", "STD"), row
        assert unit in ("each", "kg"), row
        whole, _, cents = price.partition(".")
        assert whole.isdigit() and len(cents) == 2 and cents.isdigit(), row


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "catalog.csv")
    parser.add_argument("-o", "--output", default=default_out,
                        help="output file, '-' for standard output (default: catalog.csv beside this script)")
    args = parser.parse_args(argv)

    rows = build_rows()
    validate(rows)

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    writer.writerows(rows)
    data = buf.getvalue()

    if args.output == "-":
        sys.stdout.buffer.write(data.encode("utf-8"))
    else:
        with open(args.output, "w", encoding="utf-8", newline="") as fh:
            fh.write(data)
        print("wrote %d products to %s" % (len(rows), args.output), file=sys.stderr)


if __name__ == "__main__":
    main()
