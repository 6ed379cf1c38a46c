package io.flowport.it.flowable;

import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.util.EngineServiceUtil;
import org.flowable.idm.api.IdmIdentityService;
import org.flowable.idm.api.Privilege;
import org.flowable.idm.api.User;
import org.flowable.spring.security.FlowableAuthenticationProvider;
import org.flowable.spring.security.FlowableUserDetailsService;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Real Flowable 7.2.0 (BPMN engine + its REST API, {@code flowable-spring-boot-starter-process-rest}) running inside
 * the test JVM: H2 in memory, Tomcat on {@code 127.0.0.1:<free port>}, base path {@code /process-api}, HTTP Basic auth
 * against Flowable IDM with the user {@value #USER} / {@value #PASSWORD} (the flowable-rest app's default).
 *
 * <p>Use {@link #shared()} in tests: one Flowable per test JVM, started on first use (about 10 s on 2 cores) and stopped
 * at JVM exit. State is shared by all tests of the JVM: use unique business keys / variables, and expect several
 * versions of a process key. {@link #start()} gives a private instance (own H2 database) that the caller must
 * {@link #close()}.
 */
public final class RealFlowable implements AutoCloseable {

  public static final String HOST = "127.0.0.1";
  public static final String SERVLET_PATH = "/process-api";
  public static final String USER = "rest-admin";
  public static final String PASSWORD = "test";
  public static final String REST_PRIVILEGE = "access-rest-api";

  private static final int START_ATTEMPTS = 3;
  private static RealFlowable shared;

  private final ConfigurableApplicationContext context;
  private final int port;
  private final Duration startupTime;

  private RealFlowable(ConfigurableApplicationContext context, int port, Duration startupTime) {
    this.context = context;
    this.port = port;
    this.startupTime = startupTime;
  }

  /** The Flowable shared by all tests of this JVM; started on first call, stopped at JVM exit. */
  public static synchronized RealFlowable shared() {
    if (shared == null || !shared.isRunning()) {
      shared = start();
    }
    return shared;
  }

  /** Starts a new private Flowable (own in-memory database) on a free port. The caller must {@link #close()} it. */
  public static RealFlowable start() {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      int port = freePort();
      long t0 = System.nanoTime();
      try {
        SpringApplication app = new SpringApplication(App.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(true); // closes the context at JVM exit
        app.setDefaultProperties(properties(port));
        ConfigurableApplicationContext context = app.run();
        RealFlowable flowable = new RealFlowable(context, port, Duration.ofNanos(System.nanoTime() - t0));
        System.out.println("[RealFlowable] " + flowable);
        return flowable;
      } catch (RuntimeException e) { // most likely the port was taken between freePort() and bind
        last = e;
      }
    }
    throw new IllegalStateException("Could not start Flowable in " + START_ATTEMPTS + " attempts", last);
  }

  private static Map<String, Object> properties(int port) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("server.address", HOST);
    p.put("server.port", port);
    p.put("flowable.process.servlet.path", SERVLET_PATH);
    p.put("spring.datasource.url", "jdbc:h2:mem:flowport-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    p.put("spring.datasource.username", "sa");
    p.put("spring.datasource.password", "");
    p.put("spring.datasource.hikari.maximum-pool-size", 8);
    p.put("spring.sql.init.mode", "never");
    p.put("spring.jmx.enabled", false);
    p.put("spring.main.allow-bean-definition-overriding", false);
    // Lean: do not scan the classpath for processes/*.bpmn20.xml; tests deploy what they need over REST.
    p.put("flowable.check-process-definitions", false);
    p.put("flowable.database-schema-update", "true");
    // Quiet (logback-test.xml sets WARN too; this keeps it WARN even if another logback config wins).
    p.put("logging.level.root", "WARN");
    return p;
  }

  /** {@code http://127.0.0.1:<port>/process-api} (no trailing slash). */
  public String baseUrl() {
    return rootUrl() + SERVLET_PATH;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String rootUrl() {
    return "http://" + HOST + ":" + port;
  }

  public String host() {
    return HOST;
  }

  public int port() {
    return port;
  }

  /** {@value #USER}. */
  public String user() {
    return USER;
  }

  /** {@value #PASSWORD}. */
  public String password() {
    return PASSWORD;
  }

  /** The value of an {@code Authorization} header for {@link #user()} / {@link #password()}. */
  public String basicAuthHeader() {
    return "Basic " + Base64.getEncoder()
        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** Time taken by {@code SpringApplication.run} (engine + schema + Tomcat), until the REST API answers. */
  public Duration startupTime() {
    return startupTime;
  }

  /** The Spring context, e.g. to reach engine services ({@code bean(RuntimeService.class)}) behind the REST API. */
  public ConfigurableApplicationContext context() {
    return context;
  }

  /** A bean of the running application, e.g. {@code RuntimeService}, {@code ManagementService}, {@code IdmIdentityService}. */
  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public boolean isRunning() {
    return context.isActive();
  }

  /** Stops Flowable; idempotent. The shared instance is stopped at JVM exit: do not stop it from a test. */
  public synchronized void stop() {
    if (context.isActive()) {
      context.close();
    }
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "RealFlowable[" + baseUrl() + ", user " + USER + ", started in " + startupTime.toMillis() + " ms]";
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }

  /** The Boot application: Flowable's auto-configuration plus the basic-auth setup. No component scanning. */
  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(Security.class)
  static class App {}

  /**
   * HTTP Basic against Flowable IDM. The process-only starter has no IdmIdentityService bean, so it is exposed here;
   * {@link FlowableAuthenticationProvider} is the only AuthenticationProvider (so no DaoAuthenticationProvider, which
   * would turn a wrong password into HTTP 500 because IDM passwords carry no {id} prefix).
   */
  @Configuration(proxyBeanMethods = false)
  static class Security {

    @Bean
    IdmIdentityService idmIdentityService(ProcessEngine processEngine) {
      return EngineServiceUtil.getIdmIdentityService(processEngine.getProcessEngineConfiguration());
    }

    @Bean
    AuthenticationProvider flowableAuthenticationProvider(IdmIdentityService idmIdentityService) {
      return new FlowableAuthenticationProvider(idmIdentityService, new FlowableUserDetailsService(idmIdentityService));
    }

    @Bean
    SecurityFilterChain restApiSecurity(HttpSecurity http) throws Exception {
      http.authorizeHttpRequests(auth -> auth
              // /error is served through a second DispatcherServlet: requestMatchers("/error") would be ambiguous.
              .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
              .anyRequest().authenticated())
          .httpBasic(Customizer.withDefaults())
          .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
          .csrf(AbstractHttpConfigurer::disable);
      return http.build();
    }

    @Bean
    ApplicationRunner restAdminUser(IdmIdentityService idm) {
      return args -> {
        if (idm.createUserQuery().userId(USER).count() == 0) {
          User user = idm.newUser(USER);
          user.setFirstName("Rest");
          user.setLastName("Admin");
          user.setPassword(PASSWORD);
          idm.saveUser(user);
        }
        Privilege privilege = idm.createPrivilegeQuery().privilegeName(REST_PRIVILEGE).singleResult();
        if (privilege == null) {
          privilege = idm.createPrivilege(REST_PRIVILEGE);
        }
        if (idm.createPrivilegeQuery().privilegeName(REST_PRIVILEGE).userId(USER).count() == 0) {
          idm.addUserPrivilegeMapping(privilege.getId(), USER);
        }
      };
    }
  }
}
