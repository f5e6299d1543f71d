package org.omnitill.sync.protocol;

/** A till's request to enrol: the one-time code an admin got when creating the till on the hub. */
public record EnrolRequest(String code) {
}
