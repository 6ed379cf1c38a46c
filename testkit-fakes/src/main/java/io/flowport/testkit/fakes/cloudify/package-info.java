/** A wire fake of the Cloudify manager's executions and execution groups: {@link io.flowport.testkit.fakes.cloudify.FakeCloudifyManager}. */
package io.flowport.testkit.fakes.cloudify;
