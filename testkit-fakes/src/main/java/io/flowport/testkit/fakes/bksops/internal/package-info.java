/** Internals of the bk-sops fake (routes, bamboo_engine's rules, the status formatter); not API. */
package io.flowport.testkit.fakes.bksops.internal;
