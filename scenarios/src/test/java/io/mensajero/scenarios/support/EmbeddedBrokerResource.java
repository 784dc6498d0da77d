package io.mensajero.scenarios.support;

import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A fresh Mensajero broker on a free loopback port (and its management API on another) for each scenario run. */
final class EmbeddedBrokerResource implements BrokerResource {
    private Broker broker;

    @Override
    public void beforeEach(ExtensionContext context) {
        broker = Broker.start(BrokerConfig.builder().port(0).managementPort(0).build());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    @Override
    public BrokerUnderTest broker() {
        Broker b = broker;
        return new BrokerUnderTest() {
            @Override
            public String name() {
                return "mensajero";
            }

            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return b.port();
            }

            @Override
            public String managementUri() {
                return "http://127.0.0.1:" + b.managementPort();
            }

            @Override
            public void raiseMemoryAlarm() {
                b.memoryHighWatermark(1);
            }

            @Override
            public void clearMemoryAlarm() {
                b.memoryHighWatermark(BrokerConfig.builder().build().memoryHighWatermarkBytes());
            }
        };
    }
}
