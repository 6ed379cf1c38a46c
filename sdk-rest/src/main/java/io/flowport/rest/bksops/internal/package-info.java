/** Internals of the bk-sops adapter (wire calls and JSON mapping); not API. */
package io.flowport.rest.bksops.internal;
