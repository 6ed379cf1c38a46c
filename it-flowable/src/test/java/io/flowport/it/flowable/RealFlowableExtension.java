package io.flowport.it.flowable;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that injects {@link RealFlowable#shared()} into test constructors, lifecycle methods and test
 * methods: {@code @ExtendWith(RealFlowableExtension.class)} then declare a {@code RealFlowable} parameter.
 */
public final class RealFlowableExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == RealFlowable.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return RealFlowable.shared();
  }
}
