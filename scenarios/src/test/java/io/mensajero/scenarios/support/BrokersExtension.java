package io.mensajero.scenarios.support;

import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Supplies one invocation per broker for {@link EachBroker} scenarios. */
final class BrokersExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getRequiredTestMethod().isAnnotationPresent(EachBroker.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Set<String> wanted = Arrays.stream(System.getProperty("brokers", "mensajero,rabbitmq").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        List<TestTemplateInvocationContext> runs = new ArrayList<>();
        if (wanted.contains("mensajero")) {
            boolean dataDirectory = context.getRequiredTestMethod().getAnnotation(EachBroker.class).dataDirectory();
            runs.add(invocation("mensajero", new EmbeddedBrokerResource(dataDirectory)));
        }
        if (wanted.contains("rabbitmq")) {
            runs.add(invocation("rabbitmq", new RabbitMqResource()));
        }
        return runs.stream();
    }

    private static TestTemplateInvocationContext invocation(String name, BrokerResource resource) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return "[" + name + "]";
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(resource, new ParameterResolver() {
                    @Override
                    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
                        return p.getParameter().getType() == BrokerUnderTest.class;
                    }

                    @Override
                    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
                        return resource.broker();
                    }
                });
            }
        };
    }
}
