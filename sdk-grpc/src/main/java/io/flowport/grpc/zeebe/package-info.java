/**
 * The Zeebe adapter over the gateway's gRPC API: {@link io.flowport.grpc.zeebe.ZeebeClient}, which
 * implements Zeebe's own operations ({@link io.flowport.grpc.zeebe.ZeebeOperations}), and its error
 * table ({@link io.flowport.grpc.zeebe.ZeebeErrors}). Every operation is one gRPC call per attempt;
 * start-and-await and job activation ask the gateway to wait, and their attempts get that wait
 * plus core's one await margin.
 */
package io.flowport.grpc.zeebe;
