/**
 * Not API: the Zeebe backend, gRPC error mapping, call credentials and address resolution.
 */
package io.flowport.grpc.zeebe.internal;
