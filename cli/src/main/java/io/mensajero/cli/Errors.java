package io.mensajero.cli;

import io.mensajero.broker.BrokerStartException;
import io.mensajero.cli.lab.Messages;
import io.mensajero.client.Failure;
import io.mensajero.client.MensajeroException;
import io.mensajero.client.Text;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/**
 * The commands' own one-line errors, said by texts of the bundles ({@code cmd.error.*}): their
 * English is the exception's message (and the {@code error} field of {@code --json}), the user's
 * language is what {@link Main} prints on stderr.
 */
public final class Errors {
    private static final Messages ENGLISH = Messages.forLanguage("en");

    private Errors() {
    }

    /** A usage error (exit 2) said by {@code key} with {@code args}. */
    public static MensajeroException usage(String key, Object... args) {
        Text text = Text.of(key, args);
        return new MensajeroException(Failure.USAGE, english(text), text, null);
    }

    /** A bad option value or a missing one, as picocli reports it (with the command's --help), said by {@code key}. */
    public static ParameterException parameter(CommandLine commandLine, String key, Object... args) {
        return new Parameter(commandLine, Text.of(key, args));
    }

    /** An option value a converter refuses (picocli adds the option's name), said by {@code key}. */
    public static TypeConversionException badValue(String key, Object... args) {
        return new BadValue(key, args);
    }

    /** A failure with {@code failure}'s exit code, said by {@code key} with {@code args}. */
    public static MensajeroException failure(Failure failure, String key, Object... args) {
        Text text = Text.of(key, args);
        return new MensajeroException(failure, english(text), text, null);
    }

    /** As {@link #parameter(CommandLine, String, Object...)}, said by {@code text}. */
    public static ParameterException parameter(CommandLine commandLine, Text text) {
        return new Parameter(commandLine, text);
    }

    /** A failure with {@code failure}'s exit code, said by {@code text}, caused by {@code cause} (or null). */
    public static MensajeroException failure(Failure failure, Text text, Throwable cause) {
        return new MensajeroException(failure, english(text), text, cause);
    }

    /** Why the broker cannot start, said by the bundles ({@code cmd.error.broker.*}): exit 7. */
    public static MensajeroException cannotStart(BrokerStartException e, int port) {
        String key = "cmd.error.broker." + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        Text text = e.reason() == BrokerStartException.Reason.OTHER ? Text.literal(e.getMessage())
                : Text.of(key, e.details().toArray());
        if (e.reason() == BrokerStartException.Reason.PORT_IN_USE && port == 5672) {
            text = Text.of("cmd.error.broker.rabbitmqThere", text);
        }
        return new MensajeroException(Failure.CANNOT_LISTEN, english(text), text, e);
    }

    /** {@code text} in English (a command's texts too, which {@link Text#toString()} does not know). */
    public static String english(Text text) {
        return ENGLISH.text(text);
    }

    /** A picocli {@link ParameterException} that knows its text. */
    static final class Parameter extends ParameterException {
        private static final long serialVersionUID = 1L;
        private final transient Text text;

        Parameter(CommandLine commandLine, Text text) {
            super(commandLine, english(text));
            this.text = text;
        }

        Text text() {
            return text;
        }
    }

    /** An option value a converter refuses, with the reason as a text. */
    static final class BadValue extends TypeConversionException {
        private static final long serialVersionUID = 1L;
        private final transient Text text;

        BadValue(String key, Object... args) {
            this(Text.of(key, args));
        }

        BadValue(Text text) {
            super(english(text));
            this.text = text;
        }

        Text text() {
            return text;
        }
    }
}
