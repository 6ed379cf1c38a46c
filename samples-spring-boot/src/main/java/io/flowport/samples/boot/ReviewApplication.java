package io.flowport.samples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application on two engines: reviews on Flowable, archiving on Zeebe. The clients
 * come from {@code application.yml}; metrics go to the actuator's registry. Its tests run it on
 * the wire fakes ({@code flowport.test-engine=fake}).
 */
@SpringBootApplication
public class ReviewApplication {

  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(ReviewApplication.class, args);
  }
}
