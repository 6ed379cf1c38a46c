/** The Cloudify adapter's wire code (requests, JSON, the unified backend); not API. */
package io.flowport.rest.cloudify.internal;
