package io.mensajero.broker.internal.transport;

import io.mensajero.broker.BrokerConfig;
import io.mensajero.broker.BrokerStartException;
import io.mensajero.broker.BrokerStartException.Reason;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

import java.io.File;
import java.nio.file.Files;
import java.util.List;

/** The server side of TLS (amqps and HTTPS) from a PEM certificate chain and its PKCS#8 PEM key. */
public final class TlsContexts {
    private TlsContexts() {
    }

    /** The TLS context of the broker's certificate, or null when none is configured. */
    public static SslContext server(BrokerConfig config) {
        if (!config.tls()) {
            return null;
        }
        File certificate = config.tlsCertificate().toFile();
        File key = config.tlsKey().toFile();
        for (File f : new File[] {certificate, key}) {
            if (!Files.isReadable(f.toPath())) {
                throw new BrokerStartException(Reason.TLS_UNREADABLE, List.of(f.toString()),
                        "cannot read " + f + " (no such file, or not readable)", null);
            }
        }
        try {
            return SslContextBuilder.forServer(certificate, key)
                    .applicationProtocolConfig(ApplicationProtocolConfig.DISABLED)
                    .build();
        } catch (Exception | Error e) {
            throw new BrokerStartException(Reason.TLS_UNUSABLE, List.of(certificate.toString(), key.toString(), reason(e)),
                    "cannot use " + certificate + " and " + key + " for TLS: " + reason(e)
                    + " (the certificate must be PEM, the key an unencrypted PEM key in PKCS#8)", e);
        }
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
