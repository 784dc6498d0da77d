package io.mensajero.client.internal;

import com.rabbitmq.client.impl.ForgivingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * amqp-client's handler for errors it cannot throw to the caller (a consumer callback failing,
 * the connection dropping). The patterns report those failures themselves as one-line errors,
 * so this only logs them at debug level instead of printing stack traces.
 */
public final class QuietExceptionHandler extends ForgivingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(QuietExceptionHandler.class);

    @Override
    protected void log(String message, Throwable e) {
        LOG.debug(message, e);
    }
}
