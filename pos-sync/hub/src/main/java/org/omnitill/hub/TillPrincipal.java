package org.omnitill.hub;

/** The till a request's credential belongs to, the store it is scoped to and that store's stock location. */
record TillPrincipal(String tillId, String tillCode, String storeId, String storeCode, String locationId) {
}
