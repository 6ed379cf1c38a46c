/**
 * The Zeebe adapter over the gateway's gRPC API: {@link io.flowport.grpc.zeebe.ZeebeClient}, Zeebe's own operations and its error table.
 */
package io.flowport.grpc.zeebe;
