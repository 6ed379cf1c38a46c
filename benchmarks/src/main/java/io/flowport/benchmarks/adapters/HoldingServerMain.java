package io.flowport.benchmarks.adapters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The canned servers in their own JVM, for {@link AdapterResourcesHarness}: so the server's
 * threads and the requests it holds are not counted as the client's. Prints {@code READY
 * <address>}, then obeys one command a line on stdin: {@code hold}, {@code count} (prints the
 * requests received / held), {@code release}, {@code quit}.
 *
 * <pre>java -cp benchmarks.jar io.flowport.benchmarks.adapters.HoldingServerMain zeebe|flowable</pre>
 */
public final class HoldingServerMain {
  private HoldingServerMain() {}

  public static void main(String[] args) throws Exception {
    boolean zeebe = args[0].equals("zeebe");
    CannedGateway gateway = zeebe ? CannedGateway.start() : null;
    // Enough handler threads to hold every connection a client opens (64 per host by default).
    CannedFlowable flowable = zeebe ? null : CannedFlowable.startHoldable(256);
    System.out.println("READY " + (zeebe ? gateway.address() : flowable.baseUrl()));
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      switch (line.trim()) {
        case "hold" -> {
          if (zeebe) {
            gateway.hold();
          } else {
            flowable.hold();
          }
          System.out.println("OK");
        }
        case "count" -> System.out.println(zeebe
            ? "COUNT " + gateway.creates() + " " + gateway.heldCount()
            : "COUNT " + (flowable.posts() + flowable.gets()) + " " + flowable.waiting());
        case "release" -> {
          if (zeebe) {
            gateway.releaseHeld();
          } else {
            flowable.releaseHeld();
          }
          System.out.println("OK");
        }
        case "quit" -> {
          if (zeebe) {
            gateway.close();
          } else {
            flowable.close();
          }
          System.out.println("BYE");
          System.out.flush();
          return;
        }
        default -> System.out.println("?");
      }
      System.out.flush();
    }
  }
}
