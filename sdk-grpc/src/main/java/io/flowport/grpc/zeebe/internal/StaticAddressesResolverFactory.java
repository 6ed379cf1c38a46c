package io.flowport.grpc.zeebe.internal;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves {@value #SCHEME}{@code :///} to a fixed list of gateway addresses, each its own address
 * group, so the {@code round_robin} policy spreads calls over all of them. Host names are resolved
 * each time the channel asks (start and refresh).
 */
public final class StaticAddressesResolverFactory extends NameResolver.Factory {
  public static final String SCHEME = "flowport-zeebe";

  private final List<HostPort> addresses;

  /** A host and a port. */
  public record HostPort(String host, int port) {
    /** Parses {@code host:port} or {@code [v6]:port}. */
    public static HostPort parse(String address) {
      String a = address.trim();
      int colon = a.lastIndexOf(':');
      if (colon <= 0 || colon == a.length() - 1) {
        throw new IllegalArgumentException("gateway address must be host:port, was '" + address + "'");
      }
      String host = a.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      int port;
      try {
        port = Integer.parseInt(a.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("gateway address must be host:port, was '" + address + "'");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port out of range in '" + address + "'");
      }
      return new HostPort(host, port);
    }

    @Override
    public String toString() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
  }

  public StaticAddressesResolverFactory(List<HostPort> addresses) {
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("no gateway address");
    }
    this.addresses = List.copyOf(addresses);
  }

  /** The channel target this factory answers. */
  public static String target() {
    return SCHEME + ":///gateways";
  }

  @Override
  public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
    if (!SCHEME.equals(targetUri.getScheme())) {
      return null;
    }
    return new NameResolver() {
      private Listener2 listener;

      @Override
      public String getServiceAuthority() {
        return addresses.get(0).toString();
      }

      @Override
      public void start(Listener2 listener) {
        this.listener = listener;
        resolve();
      }

      @Override
      public void refresh() {
        if (listener != null) {
          resolve();
        }
      }

      private void resolve() {
        List<EquivalentAddressGroup> groups = new ArrayList<>();
        for (HostPort hp : addresses) {
          InetSocketAddress address = new InetSocketAddress(hp.host(), hp.port());
          if (!address.isUnresolved()) {
            groups.add(new EquivalentAddressGroup(address));
          }
        }
        if (groups.isEmpty()) {
          listener.onError(Status.UNAVAILABLE.withDescription("Unable to resolve host of any of " + addresses));
        } else {
          listener.onResult(ResolutionResult.newBuilder().setAddresses(groups).build());
        }
      }

      @Override
      public void shutdown() {}
    };
  }

  @Override
  public String getDefaultScheme() {
    return SCHEME;
  }
}
