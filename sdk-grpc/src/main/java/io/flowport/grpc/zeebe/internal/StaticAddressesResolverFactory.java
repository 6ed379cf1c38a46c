package io.flowport.grpc.zeebe.internal;

import io.flowport.core.spi.LoopbackHosts;
import io.grpc.Attributes;
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
 * each time the channel asks (start and refresh). Each group carries its own {@code host:port} as
 * authority, so TLS checks each gateway's certificate against the name it was dialed by (the
 * channel's one authority is only the first address's).
 */
public final class StaticAddressesResolverFactory extends NameResolver.Factory {
  public static final String SCHEME = "flowport-zeebe";
  /** Zeebe's gateway port, used when an address names none. */
  public static final int DEFAULT_PORT = 26500;

  private final List<HostPort> addresses;

  /** A host and a port. */
  public record HostPort(String host, int port) {
    /**
     * Parses a gateway address in the forms the Camunda client accepts: {@code host:port},
     * {@code [v6]:port}, a URI such as {@code http://host:port}, {@code https://host:port},
     * {@code grpc://host:port} or {@code dns:///host:port}. Without a port, Zeebe's
     * {@value #DEFAULT_PORT}. The scheme names no TLS choice here: the builder's
     * {@code usePlaintext()} does.
     */
    public static HostPort parse(String address) {
      String a = address.trim();
      int scheme = a.indexOf("://");
      if (scheme >= 0) {
        a = a.substring(scheme + 3);
        while (a.startsWith("/")) {
          a = a.substring(1); // dns:///host:port
        }
        int path = a.indexOf('/');
        if (path >= 0) {
          a = a.substring(0, path);
        }
      }
      if (a.isEmpty()) {
        throw invalid(address);
      }
      String host;
      String port;
      if (a.startsWith("[")) {
        int close = a.indexOf(']');
        if (close < 0) {
          throw invalid(address);
        }
        host = a.substring(1, close);
        String rest = a.substring(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(":")) {
          throw invalid(address);
        }
        port = rest.isEmpty() ? null : rest.substring(1);
      } else {
        int colon = a.lastIndexOf(':');
        if (colon != a.indexOf(':')) {
          throw new IllegalArgumentException("gateway address '" + address
              + "' looks like an IPv6 address: write it as [v6]:port");
        }
        host = colon < 0 ? a : a.substring(0, colon);
        port = colon < 0 ? null : a.substring(colon + 1);
      }
      if (host.isEmpty()) {
        throw invalid(address);
      }
      return new HostPort(host, port == null ? DEFAULT_PORT : port(address, port));
    }

    /**
     * True when the host is this machine by name or literal ({@link LoopbackHosts}), decided from the
     * text alone, never by a DNS lookup.
     *
     * @return whether the host is the loopback interface
     */
    public boolean isLoopback() {
      return LoopbackHosts.isLoopback(host);
    }

    private static int port(String address, String port) {
      int p;
      try {
        p = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw invalid(address);
      }
      if (p < 1 || p > 65535) {
        throw new IllegalArgumentException("port out of range in gateway address '" + address + "'");
      }
      return p;
    }

    private static IllegalArgumentException invalid(String address) {
      return new IllegalArgumentException("gateway address must be host:port, [v6]:port or a URI like "
          + "http://host:port, was '" + address + "'");
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
            groups.add(new EquivalentAddressGroup(address, Attributes.newBuilder()
                .set(EquivalentAddressGroup.ATTR_AUTHORITY_OVERRIDE, hp.toString()).build()));
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
