/**
 * Not API: pieces the wire fakes share (the request recorder behind {@link io.flowport.testkit.fakes.RequestLog}).
 */
package io.flowport.testkit.fakes.internal;
