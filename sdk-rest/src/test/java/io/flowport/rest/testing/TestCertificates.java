package io.flowport.rest.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Certificates made at test time by the JDK's {@code keytool}, in a directory the test owns: a test
 * certificate authority, server certificates it signs (any names, any validity window) and
 * self-signed ones, handed out as what a TLS server ({@link SSLContext}) and OkHttp (socket
 * factory and trust manager) need. A CA rather than trusting each server certificate itself: the
 * JDK accepts a trusted certificate as it is, without checking its dates, so only a chain shows
 * an expired or not yet valid server certificate.
 */
public final class TestCertificates {
  /** Test-only keystores in a temporary directory: the password protects nothing. */
  private static final String PASSWORD = "changeit";
  private static final String CA = "test-ca";

  private final Path dir;
  private final X509Certificate ca;
  private int made;

  private TestCertificates(Path dir, X509Certificate ca) {
    this.dir = dir;
    this.ca = ca;
  }

  /**
   * Makes a certificate authority valid from now for 30 days, its keystore in {@code dir}.
   *
   * @param dir where the keystores and certificates go
   * @return the authority, ready to sign server certificates
   */
  public static TestCertificates authority(Path dir) throws IOException, GeneralSecurityException {
    keytool(dir, "-genkeypair", "-alias", CA, "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=Flowport Test CA", "-ext", "bc:c", "-validity", "30",
        "-storetype", "PKCS12", "-keystore", CA + ".p12", "-storepass", PASSWORD);
    X509Certificate ca = (X509Certificate) load(dir.resolve(CA + ".p12")).getCertificate(CA);
    return new TestCertificates(dir, ca);
  }

  /**
   * A server identity signed by this authority.
   *
   * @param san the names it is for, keytool's syntax: {@code ip:127.0.0.1,dns:localhost}
   * @param startDate when it becomes valid, keytool's syntax ({@code -10d}, {@code +10d}), or null for now
   * @param validityDays how long it stays valid from then
   * @return a server context presenting the certificate and the authority's
   */
  public SSLContext signedServer(String san, String startDate, int validityDays)
      throws IOException, GeneralSecurityException {
    String alias = "server-" + (++made);
    keytool(dir, newKeyPair(alias, null));
    keytool(dir, "-certreq", "-alias", alias, "-keystore", alias + ".p12", "-storepass", PASSWORD,
        "-file", alias + ".csr");
    List<String> sign = new ArrayList<>(List.of("-gencert", "-alias", CA, "-keystore", CA + ".p12",
        "-storepass", PASSWORD, "-infile", alias + ".csr", "-outfile", alias + ".crt", "-rfc",
        "-ext", "SAN=" + san, "-validity", String.valueOf(validityDays)));
    if (startDate != null) {
      sign.addAll(List.of("-startdate", startDate));
    }
    keytool(dir, sign.toArray(String[]::new));
    PrivateKey key = (PrivateKey) load(dir.resolve(alias + ".p12")).getKey(alias, PASSWORD.toCharArray());
    Certificate signed;
    try (InputStream in = Files.newInputStream(dir.resolve(alias + ".crt"))) {
      signed = CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    KeyStore server = KeyStore.getInstance("PKCS12");
    server.load(null, null);
    server.setKeyEntry(alias, key, PASSWORD.toCharArray(), new Certificate[] {signed, ca});
    return serverContext(server);
  }

  /**
   * A self-signed server identity, trusted by nobody.
   *
   * @param san the names it is for, keytool's syntax
   * @return a server context presenting it
   */
  public SSLContext selfSignedServer(String san) throws IOException, GeneralSecurityException {
    String alias = "self-signed-" + (++made);
    keytool(dir, newKeyPair(alias, san));
    return serverContext(load(dir.resolve(alias + ".p12")));
  }

  /**
   * Makes OkHttp trust this authority, and only it.
   *
   * @param ok the client's builder
   */
  public void trustIn(OkHttpClient.Builder ok) {
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry(CA, ca);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trusted);
      X509TrustManager trustManager = (X509TrustManager) tmf.getTrustManagers()[0];
      SSLContext client = SSLContext.getInstance("TLS");
      client.init(null, new TrustManager[] {trustManager}, null);
      ok.sslSocketFactory(client.getSocketFactory(), trustManager);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot make the client's trust store", e);
    }
  }

  private static String[] newKeyPair(String alias, String san) {
    List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC",
        "-groupname", "secp256r1", "-dname", "CN=" + alias, "-validity", "30",
        "-storetype", "PKCS12", "-keystore", alias + ".p12", "-storepass", PASSWORD));
    if (san != null) {
      args.addAll(List.of("-ext", "SAN=" + san));
    }
    return args.toArray(String[]::new);
  }

  private static SSLContext serverContext(KeyStore keys) throws GeneralSecurityException {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD.toCharArray());
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(kmf.getKeyManagers(), null, null);
    return server;
  }

  private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    return keys;
  }

  /** Runs the JDK's keytool in {@code dir}, bounded, failing with its output when it fails. */
  private static void keytool(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.add("-J-XX:TieredStopAtLevel=1"); // a short-lived JVM: start fast
    command.add("-noprompt");
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("keytool " + args[0] + " did not end in 60 s");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for keytool", e);
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException("keytool " + args[0] + " failed (" + p.exitValue() + "): " + output);
    }
  }
}
