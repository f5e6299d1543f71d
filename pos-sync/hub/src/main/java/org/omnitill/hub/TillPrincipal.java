package org.omnitill.hub;

/** The till a request's credential belongs to, and so the store it is scoped to. */
record TillPrincipal(String tillId, String tillCode, String storeId, String storeCode) {
}
