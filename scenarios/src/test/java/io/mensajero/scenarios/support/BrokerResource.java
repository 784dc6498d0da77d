package io.mensajero.scenarios.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;

/** Makes a broker available around one scenario run. */
interface BrokerResource extends BeforeEachCallback, AfterEachCallback {
    BrokerUnderTest broker();
}
