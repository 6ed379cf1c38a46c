package io.flowport.it.zeebe;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that injects {@link RealZeebeEngine#shared()} into test constructors, lifecycle methods and test
 * methods: {@code @ExtendWith(RealZeebeEngineExtension.class)} then declare a {@code RealZeebeEngine} parameter.
 */
public final class RealZeebeEngineExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == RealZeebeEngine.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return RealZeebeEngine.shared();
  }
}
