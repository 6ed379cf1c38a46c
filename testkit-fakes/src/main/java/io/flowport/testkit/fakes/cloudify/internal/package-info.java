/** The fake Cloudify manager's rules, storage and HTTP routes; not API. */
package io.flowport.testkit.fakes.cloudify.internal;
