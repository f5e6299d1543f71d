package org.omnitill.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.omnitill.core.catalog.Gtin;

/**
 * Writes a synthetic catalog in the import format ({@code sku,name,barcodes,price,tax,category,unit})
 * for the benchmarks: any number of products, the same file for the same count and seed.
 *
 * <p>Names are built like real shelf labels, "brand + product + variant + size" (e.g. "Monte Verde
 * Cherry Tomatoes Organic 250 g"), from 200 brands (20 x 10 parts), 300 products in ten categories,
 * 24 variants and sizes that fit the category, so a prefix typed at the till matches about as many
 * products as in a large real store. Every product has a valid EAN-13 (GS1 check digit), unique in
 * the file; about 3 % have a second one. Food is taxed {@code RED}, the rest {@code STD}; loose fruit,
 * vegetables, meat, fish and cheese (about 3 % of all products) are sold by the kg.
 */
public final class CatalogGenerator {

    /** The CSV header, the columns {@code omnitill import-catalog} reads. */
    public static final String HEADER = "sku,name,barcodes,price,tax,category,unit";

    /** Default seed: the benchmarks' catalog is always the same file. */
    public static final long DEFAULT_SEED = 20_240_601L;

    private static final List<String> BRAND_FIRST = List.of("Casa", "Monte", "Golden", "Nord", "Rio", "Sol", "Alpine",
            "Green", "Royal", "Santa", "Blue", "Old", "Don", "Bella", "Vita", "Terra", "Silver", "Sunny", "Prado", "Costa");
    private static final List<String> BRAND_SECOND = List.of("Verde", "Valley", "Farms", "Foods", "Harvest", "Fresh",
            "Natura", "Mill", "Select", "Orchard");

    /** Ten categories: name, tax code, products. Each product is one or more words. */
    private static final List<Category> CATEGORIES = List.of(
            new Category("Fruit & Vegetables", "RED", true, List.of("Bananas", "Apples", "Pears", "Oranges", "Lemons",
                    "Limes", "Mandarins", "Grapes", "Strawberries", "Blueberries", "Raspberries", "Cherries", "Peaches",
                    "Nectarines", "Plums", "Kiwis", "Mangoes", "Pineapple", "Melon", "Watermelon", "Avocados",
                    "Cherry Tomatoes", "Vine Tomatoes", "Cucumber", "Lettuce", "Spinach", "Carrots", "Potatoes",
                    "Sweet Potatoes", "Onions", "Red Onions", "Garlic", "Peppers", "Courgettes", "Aubergines",
                    "Broccoli", "Cauliflower", "Mushrooms", "Leeks", "Celery")),
            new Category("Dairy & Eggs", "RED", false, List.of("Whole Milk", "Semi Skimmed Milk", "Skimmed Milk",
                    "Oat Drink", "Almond Drink", "Soy Drink", "Butter", "Salted Butter", "Greek Yogurt", "Natural Yogurt",
                    "Fruit Yogurt", "Kefir", "Cream Cheese", "Cheddar", "Mozzarella", "Manchego", "Parmesan", "Brie",
                    "Gouda", "Feta", "Ricotta", "Cottage Cheese", "Single Cream", "Double Cream", "Free Range Eggs",
                    "Large Eggs", "Custard", "Rice Pudding", "Quark", "Goat Cheese")),
            new Category("Bakery", "RED", false, List.of("White Bread", "Wholemeal Bread", "Sourdough", "Baguette",
                    "Rye Bread", "Seeded Loaf", "Brioche", "Croissants", "Pain au Chocolat", "Muffins", "Bagels",
                    "Tortilla Wraps", "Pitta Bread", "Naan Bread", "Crumpets", "Scones", "Doughnuts", "Cinnamon Rolls",
                    "Ciabatta", "Focaccia", "Breadsticks", "Crackers", "Rusks", "Sponge Cake", "Carrot Cake",
                    "Chocolate Cake", "Apple Pie", "Madeleines", "Panettone", "Flatbread")),
            new Category("Meat & Fish", "RED", true, List.of("Chicken Breast", "Chicken Thighs", "Whole Chicken",
                    "Turkey Mince", "Beef Mince", "Sirloin Steak", "Ribeye Steak", "Pork Chops", "Pork Loin",
                    "Lamb Chops", "Sausages", "Chorizo", "Serrano Ham", "Cooked Ham", "Bacon", "Salami", "Meatballs",
                    "Burgers", "Salmon Fillets", "Cod Fillets", "Hake", "Tuna Steaks", "Prawns", "Mussels", "Squid",
                    "Sardines", "Smoked Salmon", "Sea Bass", "Trout", "Anchovies")),
            new Category("Pantry", "RED", false, List.of("Olive Oil", "Extra Virgin Olive Oil", "Sunflower Oil",
                    "Basmati Rice", "Paella Rice", "Spaghetti", "Penne", "Fusilli", "Macaroni", "Lasagne Sheets",
                    "Chickpeas", "Lentils", "Kidney Beans", "Tomato Passata", "Chopped Tomatoes", "Tomato Ketchup",
                    "Mayonnaise", "Mustard", "Honey", "Strawberry Jam", "Peanut Butter", "Breakfast Cereal",
                    "Porridge Oats", "Granola", "Plain Flour", "Sugar", "Sea Salt", "Black Pepper", "Ground Coffee",
                    "Coffee Beans", "Green Tea", "Black Tea", "Cocoa Powder", "Tuna in Oil", "Vegetable Stock",
                    "Balsamic Vinegar", "Soy Sauce", "Pesto", "Curry Paste", "Coconut Milk")),
            new Category("Drinks", "STD", false, List.of("Mineral Water", "Sparkling Water", "Cola", "Diet Cola",
                    "Lemonade", "Orange Juice", "Apple Juice", "Pineapple Juice", "Tomato Juice", "Iced Tea",
                    "Energy Drink", "Tonic Water", "Ginger Ale", "Lager", "Pale Ale", "Stout", "Cider", "Red Wine",
                    "White Wine", "Rose Wine", "Cava", "Sangria", "Vermouth", "Gin", "Vodka", "Rum", "Whisky",
                    "Sports Drink", "Smoothie", "Kombucha")),
            new Category("Frozen", "RED", false, List.of("Frozen Peas", "Frozen Spinach", "Mixed Vegetables",
                    "Chips", "Potato Wedges", "Fish Fingers", "Chicken Nuggets", "Margherita Pizza",
                    "Pepperoni Pizza", "Vanilla Ice Cream", "Chocolate Ice Cream", "Ice Lollies", "Frozen Berries",
                    "Frozen Prawns", "Spring Rolls", "Dumplings", "Lasagne", "Croquettes", "Onion Rings",
                    "Garlic Bread")),
            new Category("Snacks & Sweets", "STD", false, List.of("Potato Crisps", "Tortilla Chips", "Popcorn",
                    "Salted Peanuts", "Cashews", "Almonds", "Pistachios", "Trail Mix", "Milk Chocolate",
                    "Dark Chocolate", "White Chocolate", "Chocolate Biscuits", "Digestive Biscuits", "Shortbread",
                    "Wafers", "Cereal Bars", "Protein Bars", "Gummy Bears", "Liquorice", "Marshmallows", "Toffees",
                    "Mints", "Chewing Gum", "Rice Cakes", "Pretzels", "Olives", "Turron", "Churros", "Nachos",
                    "Cookies")),
            new Category("Household", "STD", false, List.of("Washing Up Liquid", "Dishwasher Tablets",
                    "Laundry Detergent", "Fabric Conditioner", "Bleach", "Kitchen Roll", "Toilet Roll",
                    "Bin Bags", "Sponges", "Glass Cleaner", "Floor Cleaner", "Bathroom Cleaner", "Aluminium Foil",
                    "Cling Film", "Baking Paper", "Freezer Bags", "Light Bulbs", "Batteries", "Candles",
                    "Air Freshener", "Matches", "Rubber Gloves", "Paper Napkins", "Paper Plates", "Charcoal")),
            new Category("Personal Care", "STD", false, List.of("Shampoo", "Conditioner", "Shower Gel",
                    "Bath Foam", "Hand Soap", "Toothpaste", "Toothbrush", "Mouthwash", "Dental Floss", "Deodorant",
                    "Body Lotion", "Hand Cream", "Sun Cream", "Lip Balm", "Razors", "Shaving Foam", "Cotton Pads",
                    "Cotton Buds", "Tissues", "Wet Wipes", "Nappies", "Baby Wipes", "Plasters", "Face Wash",
                    "Hair Gel")));

    private static final List<String> VARIANTS = List.of("Organic", "Classic", "Light", "Extra", "Premium", "Family Pack",
            "Value", "Original", "Smoked", "Spicy", "Mild", "Sweet", "Natural", "Fresh", "Mediterranean", "Traditional",
            "Gluten Free", "Low Fat", "Sugar Free", "Wholegrain", "Bio", "Gourmet", "Selection", "Reserve");

    private static final List<String> FOOD_SIZES = List.of("100 g", "125 g", "150 g", "200 g", "250 g", "300 g",
            "400 g", "500 g", "750 g", "1 kg", "2 kg", "4 x 125 g", "6 pack", "pack of 4", "pack of 10");
    private static final List<String> DRINK_SIZES = List.of("200 ml", "250 ml", "330 ml", "500 ml", "750 ml", "1 l",
            "1.5 l", "2 l", "5 l", "4 x 250 ml", "6 x 330 ml", "6 x 1.5 l", "12 x 330 ml");
    private static final List<String> NONFOOD_SIZES = List.of("250 ml", "400 ml", "500 ml", "750 ml", "1 l", "1.5 l",
            "2 l", "pack of 2", "pack of 4", "pack of 6", "pack of 12", "pack of 24", "30 washes", "60 washes");

    /** GS1 prefixes of the countries the brands come from (none in the in-store 20-29 range). */
    private static final List<String> GS1_PREFIXES = List.of("84", "50", "40", "80", "87", "30", "54", "76", "56", "90");

    /** Odd and not a multiple of 5, so {@code i -> i * SPREAD mod 10^10} is a bijection: barcodes look random, stay unique. */
    private static final long SPREAD = 7_919_373_137L;
    private static final long ITEM_SPACE = 10_000_000_000L;

    private record Category(String name, String tax, boolean hasLoose, List<String> products) {
    }

    private CatalogGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: CatalogGenerator PRODUCTS OUT.csv [SEED]");
            System.exit(2);
        }
        int products = Integer.parseInt(args[0].replace("_", ""));
        Path out = Path.of(args[1]);
        long seed = args.length == 3 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        long start = System.nanoTime();
        write(out, products, seed);
        System.out.printf(Locale.ROOT, "wrote %d products to %s (%.1f MB) in %.1f s%n", products, out,
                Files.size(out) / 1e6, (System.nanoTime() - start) / 1e9);
    }

    /** Writes {@code products} products to {@code out} (through a temporary file, so a half-written file is never left). */
    public static void write(Path out, int products, long seed) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, out.getFileName().toString(), ".tmp");
        try {
            try (BufferedWriter writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                write(writer, products, seed);
            }
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes the header and {@code products} rows to {@code out}. */
    public static void write(Writer out, int products, long seed) throws IOException {
        if (products < 0 || products >= ITEM_SPACE / 2) {
            throw new IllegalArgumentException("products out of range: " + products);
        }
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder line = new StringBuilder(160);
        out.write(HEADER);
        out.write('\n');
        for (int i = 0; i < products; i++) {
            line.setLength(0);
            row(i, products, random, line);
            line.append('\n');
            out.append(line);
        }
    }

    /** The first EAN-13 of product {@code index} (0-based), as the generator writes it. */
    public static String barcode(int index) {
        return ean13(index);
    }

    private static void row(int index, int products, SplittableRandom random, StringBuilder line) {
        Category category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        int brandIndex = random.nextInt(BRAND_FIRST.size() * BRAND_SECOND.size());
        String brand = BRAND_FIRST.get(brandIndex % BRAND_FIRST.size()) + " "
                + BRAND_SECOND.get(brandIndex / BRAND_FIRST.size());
        String product = category.products().get(random.nextInt(category.products().size()));
        // about 3 % of all products, in the categories with loose goods, sold by weight
        boolean byWeight = category.hasLoose() && random.nextInt(100) < 15;
        StringBuilder name = new StringBuilder(80);
        if (byWeight) {
            name.append(brand).append(' ').append(product).append(" Loose");
            if (random.nextInt(3) == 0) {
                name.append(' ').append(VARIANTS.get(random.nextInt(VARIANTS.size())));
            }
        } else {
            name.append(brand).append(' ').append(product);
            if (random.nextInt(10) < 6) {
                name.append(' ').append(VARIANTS.get(random.nextInt(VARIANTS.size())));
            }
            List<String> sizes = switch (category.tax()) {
                case "RED" -> FOOD_SIZES;
                default -> category.name().equals("Drinks") ? DRINK_SIZES : NONFOOD_SIZES;
            };
            name.append(' ').append(sizes.get(random.nextInt(sizes.size())));
        }
        String tax = category.tax();
        if (category.name().equals("Drinks") && product.endsWith("Water")) {
            tax = "RED";
        }
        // prices: log-uniform between 0.29 and about 60, per kg for loose goods
        double euros = byWeight ? 1.5 + random.nextDouble() * 28 : Math.exp(Math.log(0.29) + random.nextDouble()
                * (Math.log(60) - Math.log(0.29)));
        BigDecimal price = BigDecimal.valueOf(euros).setScale(1, RoundingMode.HALF_UP).add(new BigDecimal("0.09"));

        line.append("BX-").append(String.format(Locale.ROOT, "%07d", index + 1)).append(',');
        appendField(line, name.toString());
        line.append(',').append(ean13(index));
        if (random.nextInt(100) < 3) {
            line.append('|').append(ean13(products + index)); // a second barcode (another pack print)
        }
        line.append(',').append(price.toPlainString())
                .append(',').append(tax)
                .append(',');
        appendField(line, category.name());
        line.append(',').append(byWeight ? "kg" : "each");
    }

    private static String ean13(long item) {
        String prefix = GS1_PREFIXES.get((int) (item % GS1_PREFIXES.size()));
        long spread = Math.floorMod(item * SPREAD, ITEM_SPACE);
        String body = prefix + String.format(Locale.ROOT, "%010d", spread);
        return body + Gtin.checkDigit(body);
    }

    private static void appendField(StringBuilder line, String value) {
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0) {
            line.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            line.append(value);
        }
    }

    /** The category names the generator uses. */
    public static List<String> categories() {
        List<String> names = new ArrayList<>();
        CATEGORIES.forEach(c -> names.add(c.name()));
        return names;
    }
}
