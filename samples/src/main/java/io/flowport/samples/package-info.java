/**
 * Programs and a small application service to copy from; {@link io.flowport.samples.Main} runs one scenario on every engine.
 */
package io.flowport.samples;
