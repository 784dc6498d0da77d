package io.mensajero.cli.ctl;

import io.mensajero.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mensajero ctl --lang es|en} against a made-up management API: the informational lines and
 * the one-line errors are said in the language; the table rows, the header row and JSON are
 * rabbitmqctl's, the same in both.
 */
class CtlSpeaksTheLanguageTest {
    private FakeApi api;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() throws IOException {
        api = new FakeApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private int ctl(String lang, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("ctl", "--management-url", api.url(), "--lang", lang));
        all.addAll(List.of(args));
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    }

    @Test
    void theHeadingIsSaidInTheLanguageAndTheTableIsTheSame() {
        api.on("GET /api/queues/%2F", 200, CtlCommandTest.QUEUES);
        assertThat(ctl("es", "list_queues")).isZero();
        assertThat(out.toString()).isEqualTo("Tiempo de espera: 60.0 segundos ...\nListando las colas del vhost / ...\n"
                + "name\tmessages\nhello\t3\ntask_queue\t0\n");
        assertThat(ctl("en", "list_queues")).isZero();
        assertThat(out.toString()).isEqualTo("Timeout: 60.0 seconds ...\nListing queues for vhost / ...\n"
                + "name\tmessages\nhello\t3\ntask_queue\t0\n");
        assertThat(ctl("es", "list_queues", "--formatter", "json")).isZero();
        String spanishJson = out.toString();
        assertThat(ctl("en", "list_queues", "--formatter", "json")).isZero();
        assertThat(out.toString()).isEqualTo(spanishJson);
    }

    @Test
    void aRefusalIsOneLineInTheLanguageWithTheBrokersReasonAsItIs() {
        api.on("PUT /api/permissions/%2F/ana", 400, "{\"error\":\"bad_request\",\"reason\":[\"invalid_regexp\",[40],"
                + "[[109,105,115,115,105,110,103,32,41],1]]}");
        api.on("GET /api/vhosts/%2F", 200, "{\"name\":\"/\"}");
        api.on("GET /api/users/ana", 200, "{\"name\":\"ana\"}");
        assertThat(ctl("es", "set_permissions", "ana", "(", ".*", ".*")).isEqualTo(6);
        assertThat(out.toString()).isEqualTo("Fijando los permisos del usuario \"ana\" en el vhost \"/\" ...\n");
        assertThat(err.toString()).isEqualTo("mensajero: el broker se negó a fijar los permisos del usuario 'ana' en el "
                + "vhost '/': 400 invalid regular expression '(' (missing ) at position 1)\n");
        assertThat(ctl("en", "set_permissions", "ana", "(", ".*", ".*")).isEqualTo(6);
        assertThat(err.toString()).isEqualTo("mensajero: the broker refused to set the permissions of user 'ana' in "
                + "vhost '/': 400 invalid regular expression '(' (missing ) at position 1)\n");

        assertThat(ctl("es", "delete_vhost", "nope")).isEqualTo(5);
        assertThat(err.toString()).isEqualTo("mensajero: el virtual host 'nope' no existe\n");
        assertThat(ctl("es", "delete_queue", "nope")).isEqualTo(6);
        assertThat(out.toString()).isEqualTo("Eliminando la cola 'nope' del vhost '/' ...\n");
        assertThat(err.toString()).isEqualTo("mensajero: no se encontró la cola 'nope' en el vhost '/'\n");
    }

    @Test
    void withJsonTheErrorEventStaysEnglish() {
        assertThat(ctl("es", "delete_user", "bob", "--json")).isEqualTo(6);
        assertThat(err.toString()).isEqualTo("mensajero: el usuario 'bob' no existe\n");
        assertThat(out.toString()).contains("\"error\":\"user 'bob' does not exist\"").contains("\"exitCode\":6");
    }

    @Test
    void usageErrorsAreOneLineInTheLanguage() {
        assertThat(ctl("es", "list_queues", "nombre")).isEqualTo(2);
        assertThat(err.toString()).startsWith("mensajero: list_queues no admite las columnas nombre; sus columnas son ")
                .endsWith(" (vea 'mensajero ctl help list_queues')\n").hasLineCount(1);
        assertThat(ctl("en", "list_queues", "nombre")).isEqualTo(2);
        assertThat(err.toString()).startsWith("mensajero: info key(s) nombre are not supported by list_queues; ")
                .endsWith(" (see 'mensajero ctl help list_queues')\n").hasLineCount(1);
        assertThat(ctl("es", "set_policy", "p", ".*", "[1]")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mensajero: la definición de la política '[1]' debe ser un objeto JSON, "
                + "p. ej. '{\"max-length\":100}' (vea 'mensajero ctl help set_policy')\n");
        assertThat(ctl("es", "--formatter", "xml", "list_users")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mensajero: --formatter debe ser table o json (era 'xml') "
                + "(vea 'mensajero ctl --help')\n");
        assertThat(ctl("es")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mensajero: falta el COMANDO (vea 'mensajero ctl --help')\n");
        assertThat(api.calls()).isEmpty();
    }

    @Test
    void anUnreachableApiIsSaidInTheLanguage() throws IOException {
        String url;
        try (FakeApi closed = new FakeApi()) {
            url = closed.url();
        }
        out = new StringWriter();
        err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "ctl", "--management-url", url, "--lang", "es",
                "status")).isEqualTo(3);
        assertThat(err.toString()).startsWith("mensajero: no se puede conectar con la API de gestión en " + url
                + " para leer el resumen (overview) (conexión rechazada; ").hasLineCount(1);
    }
}
