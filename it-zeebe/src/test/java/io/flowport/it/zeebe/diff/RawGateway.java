package io.flowport.it.zeebe.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.flowport.testkit.fakes.diff.WireAnswer;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Raw gRPC to a Zeebe gateway (the real engine's or the fake's) through the generated stub: no
 * Flowport adapter in between. {@link #call} turns the answer into a {@link WireAnswer}: {@code OK}
 * and the message as JSON (int64 keys as strings, the JSON documents of {@code variables} fields
 * parsed), or the status code, its description and no body.
 */
final class RawGateway {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ManagedChannel channel;

  RawGateway(ManagedChannel channel) {
    this.channel = channel;
  }

  /** A blocking stub with a 30 s deadline. */
  GatewayGrpc.GatewayBlockingStub stub() {
    return GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** A future stub with a 30 s deadline. */
  GatewayGrpc.GatewayFutureStub async() {
    return GatewayGrpc.newFutureStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** Calls {@code rpc} on a fresh stub and records its answer. */
  WireAnswer call(Function<GatewayGrpc.GatewayBlockingStub, ? extends Message> rpc) {
    try {
      return answer(rpc.apply(stub()));
    } catch (StatusRuntimeException e) {
      return failure(e);
    }
  }

  static WireAnswer answer(Message m) {
    return new WireAnswer("OK", null, json(m));
  }

  static WireAnswer failure(StatusRuntimeException e) {
    return new WireAnswer(e.getStatus().getCode().name(), e.getStatus().getDescription(), null);
  }

  /**
   * A message as JSON as proto3 means it: every scalar field with its value (an unset one is its
   * default, as on the wire), repeated fields as arrays, message and oneof fields only when set;
   * int64 as strings, {@code variables} parsed.
   */
  static ObjectNode json(Message m) {
    ObjectNode out = NODES.objectNode();
    for (FieldDescriptor f : m.getDescriptorForType().getFields()) {
      if (f.isRepeated()) {
        ArrayNode a = out.putArray(f.getJsonName());
        for (Object v : (List<?>) m.getField(f)) {
          a.add(value(f, v));
        }
      } else if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE && f.getRealContainingOneof() == null
          || m.hasField(f)) {
        out.set(f.getJsonName(), value(f, m.getField(f)));
      }
    }
    return out;
  }

  private static JsonNode value(FieldDescriptor f, Object v) {
    return switch (f.getJavaType()) {
      case MESSAGE -> json((Message) v);
      case LONG -> NODES.textNode(v.toString());
      case INT -> NODES.numberNode((Integer) v);
      case BOOLEAN -> NODES.booleanNode((Boolean) v);
      case ENUM -> NODES.textNode(v.toString());
      case STRING -> f.getName().equals("variables") || f.getName().equals("customHeaders")
          ? parse((String) v) : NODES.textNode((String) v);
      default -> NODES.textNode(String.valueOf(v));
    };
  }

  private static JsonNode parse(String document) {
    if (document.isEmpty()) {
      return NODES.textNode("");
    }
    try {
      return JSON.readTree(document);
    } catch (IOException e) {
      return NODES.textNode(document);
    }
  }

  /** The first message of a server stream as an answer (or its failure). */
  static <T extends Message> WireAnswer first(Iterator<T> stream) {
    try {
      return stream.hasNext() ? answer(stream.next()) : new WireAnswer("OK", null, null);
    } catch (StatusRuntimeException e) {
      return failure(e);
    }
  }
}
