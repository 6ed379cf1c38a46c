package io.flowport.core.testing;

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
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Certificates made at test time by the JDK's {@code keytool}, in a directory the test owns: a test
 * certificate authority, server identities it issues (any names, any validity window) and
 * self-signed ones, each as a key store (for a JDK TLS server) and as PEM files (for netty's). A CA
 * rather than trusting each server certificate itself: the JDK accepts a trusted certificate as it
 * is, without checking its dates, so only a chain shows an expired or not yet valid certificate.
 */
public final class TestCertificates {
  /** Test-only key stores in a temporary directory: the password protects nothing. */
  private static final String PASSWORD = "changeit";
  private static final String CA = "test-ca";

  private final Path dir;
  private final X509Certificate ca;
  private final Path caPem;
  private int made;

  /**
   * A server identity: its key with its certificate chain.
   *
   * @param keyStore the key and chain, under the store's only alias, password {@value #PASSWORD}
   * @param certificatePem the chain as PEM (the server's certificate first, then its issuer's)
   * @param privateKeyPem the key as PKCS#8 PEM
   */
  public record Identity(KeyStore keyStore, Path certificatePem, Path privateKeyPem) {
    /** {@return a JDK TLS server context presenting this identity} */
    public SSLContext serverContext() {
      try {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, PASSWORD.toCharArray());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        return server;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot make the server context", e);
      }
    }
  }

  private TestCertificates(Path dir, X509Certificate ca, Path caPem) {
    this.dir = dir;
    this.ca = ca;
    this.caPem = caPem;
  }

  /**
   * Makes a certificate authority valid from now for 30 days, its files in {@code dir}.
   *
   * @param dir where the key stores and certificates go
   * @return the authority, ready to issue server identities
   * @throws IOException when keytool fails
   * @throws GeneralSecurityException when its key store cannot be read
   */
  public static TestCertificates authority(Path dir) throws IOException, GeneralSecurityException {
    keytool(dir, "-genkeypair", "-alias", CA, "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=Flowport Test CA", "-ext", "bc:c", "-validity", "30",
        "-storetype", "PKCS12", "-keystore", CA + ".p12", "-storepass", PASSWORD);
    keytool(dir, "-exportcert", "-rfc", "-alias", CA, "-keystore", CA + ".p12", "-storepass", PASSWORD,
        "-file", CA + ".pem");
    X509Certificate ca = (X509Certificate) load(dir.resolve(CA + ".p12")).getCertificate(CA);
    return new TestCertificates(dir, ca, dir.resolve(CA + ".pem"));
  }

  /** {@return the authority's certificate as PEM, for a client that trusts it (and only it)} */
  public Path authorityPem() {
    return caPem;
  }

  /** {@return a trust manager that trusts this authority only} */
  public X509TrustManager trustManager() {
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry(CA, ca);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trusted);
      return (X509TrustManager) tmf.getTrustManagers()[0];
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot make the trust store", e);
    }
  }

  /** {@return a JDK TLS client context that trusts this authority only (with {@link #trustManager()})} */
  public SSLContext clientContext() {
    try {
      SSLContext client = SSLContext.getInstance("TLS");
      client.init(null, new javax.net.ssl.TrustManager[] {trustManager()}, null);
      return client;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the client context", e);
    }
  }

  /**
   * A server identity issued by this authority.
   *
   * @param san the names it is for, keytool's syntax: {@code ip:127.0.0.1,dns:localhost}
   * @param startDate when it becomes valid, keytool's syntax ({@code -10d}, {@code +10d}), or null for now
   * @param validityDays how long it stays valid from then
   * @return the identity, its chain ending with the authority's certificate
   * @throws IOException when keytool fails
   * @throws GeneralSecurityException when a key store cannot be read
   */
  public Identity issued(String san, String startDate, int validityDays) throws IOException, GeneralSecurityException {
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
    Certificate leaf;
    try (InputStream in = Files.newInputStream(dir.resolve(alias + ".crt"))) {
      leaf = CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    KeyStore server = KeyStore.getInstance("PKCS12");
    server.load(null, null);
    server.setKeyEntry(alias, key, PASSWORD.toCharArray(), new Certificate[] {leaf, ca});
    Path chain = dir.resolve(alias + "-chain.pem");
    Files.writeString(chain, Files.readString(dir.resolve(alias + ".crt")) + Files.readString(caPem));
    return new Identity(server, chain, privateKeyPem(alias, key));
  }

  /**
   * A self-signed server identity, trusted by nobody unless a client trusts its own certificate.
   *
   * @param san the names it is for, keytool's syntax
   * @return the identity
   * @throws IOException when keytool fails
   * @throws GeneralSecurityException when its key store cannot be read
   */
  public Identity selfSigned(String san) throws IOException, GeneralSecurityException {
    String alias = "self-signed-" + (++made);
    keytool(dir, newKeyPair(alias, san));
    keytool(dir, "-exportcert", "-rfc", "-alias", alias, "-keystore", alias + ".p12", "-storepass", PASSWORD,
        "-file", alias + ".pem");
    KeyStore store = load(dir.resolve(alias + ".p12"));
    PrivateKey key = (PrivateKey) store.getKey(alias, PASSWORD.toCharArray());
    return new Identity(store, dir.resolve(alias + ".pem"), privateKeyPem(alias, key));
  }

  private Path privateKeyPem(String alias, PrivateKey key) throws IOException {
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    Path file = dir.resolve(alias + "-key.pem");
    Files.writeString(file, pem, StandardCharsets.US_ASCII);
    return file;
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
