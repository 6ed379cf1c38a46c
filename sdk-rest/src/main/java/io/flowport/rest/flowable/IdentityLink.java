package io.flowport.rest.flowable;

/**
 * A user involved in a process instance (Flowable identity link).
 *
 * @param user the user id
 * @param group the group id; always null on process instances (Flowable links only users there)
 * @param type the link type, e.g. {@code participant}, {@code starter} or a custom one
 * @param url Flowable's URL of the link, or null
 */
public record IdentityLink(String user, String group, String type, String url) {}
