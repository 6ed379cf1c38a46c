/**
 * Not API: the transport's OkHttp plumbing.
 */
package io.flowport.rest.internal;
