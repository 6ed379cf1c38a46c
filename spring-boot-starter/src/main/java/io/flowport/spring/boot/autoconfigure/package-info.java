/**
 * Spring Boot auto-configuration for Flowport: client beans from {@code flowport.clients.*}
 * ({@link io.flowport.spring.boot.autoconfigure.FlowportProperties}), metrics and tracing when
 * their modules are present, and test engines ({@code flowport.test-engine}).
 */
package io.flowport.spring.boot.autoconfigure;
