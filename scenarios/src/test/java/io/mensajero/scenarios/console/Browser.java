package io.mensajero.scenarios.console;

import io.mensajero.scenarios.support.Requirements;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Headless Chromium driven by Selenium through Debian's chromium-driver, as a person would use
 * the console: it types, clicks and reads what the page shows. The browser's console is kept, so
 * a scenario can check that no script failed.
 *
 * <p>Starting Chromium and its driver costs seconds, so a closed browser is kept for the next
 * scenario that asks for one in the same language (one pool per language; a scenario that asks
 * for two gets two): it is handed over in a new tab with the old tabs closed, the last page's
 * storage and every cookie cleared and its console log drained, so it starts as blank as a fresh
 * profile for what the console keeps (session and local storage, cookies). A browser that cannot
 * be reset is quit instead. The pooled browsers are quit when the test JVM ends.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Duration WAIT = Duration.ofSeconds(30);

    private static final Map<String, Deque<Browser>> IDLE = new HashMap<>();
    private static boolean hooked;

    private final ChromeDriver driver;
    private final Path profile;
    private final String language;
    private final List<String> consoleErrors = new ArrayList<>();
    private String base;

    private Browser(ChromeDriver driver, Path profile, String language) {
        this.driver = driver;
        this.profile = profile;
        this.language = language;
    }

    /**
     * A browser whose preferred language is {@code language} ("en" or "es"), 1366x900 (a laptop):
     * one a finished scenario left (see the class comment), else a new one.
     */
    static Browser start(String language) {
        synchronized (IDLE) {
            Deque<Browser> idle = IDLE.get(language);
            if (idle != null && !idle.isEmpty()) {
                return idle.pop();
            }
        }
        return launch(language);
    }

    private static Browser launch(String language) {
        long start = System.nanoTime();
        Browser browser = launchNew(language);
        System.out.printf("[browser] a new Chromium (%s) in %.1f s%n", language, (System.nanoTime() - start) / 1e9);
        return browser;
    }

    private static Browser launchNew(String language) {
        Requirements.command(CHROMIUM, "apt-get install -y chromium");
        Requirements.command(CHROMEDRIVER, "apt-get install -y chromium-driver");
        Path profile;
        try {
            profile = Files.createTempDirectory("mensajero-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=" + language,
                "--disable-dev-shm-usage");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        synchronized (IDLE) {
            if (!hooked) {
                hooked = true;
                Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitIdle, "browser-pool-quit"));
            }
        }
        return new Browser(new ChromeDriver(service, options), profile, language);
    }

    private static void quitIdle() {
        List<Browser> all = new ArrayList<>();
        synchronized (IDLE) {
            IDLE.values().forEach(all::addAll);
            IDLE.clear();
        }
        all.forEach(Browser::quit);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens the console at its base URL (ending in /), on a route such as "#/queues". */
    Browser open(String baseUrl, String route) {
        this.base = baseUrl;
        driver.get(baseUrl + route);
        await("the console has started", () -> "true".equals(script("return document.body.dataset.ready || ''")));
        return this;
    }

    /** Goes to a route of the console already open, e.g. "#/queues/%2F/orders". */
    Browser go(String route) {
        driver.get(base + route);
        await("the console has started", () -> "true".equals(script("return document.body.dataset.ready || ''")));
        return this;
    }

    /** Types the credentials into the login form and submits it. */
    Browser submitLogin(String user, String password) {
        await("the login form", () -> driver.findElement(By.id("login")).isDisplayed());
        type(By.id("login-user"), user);
        type(By.id("login-password"), password);
        driver.findElement(By.id("login-submit")).click();
        return this;
    }

    /** Logs in and waits for the page behind the login. */
    Browser login(String user, String password) {
        submitLogin(user, password);
        await("logged in as " + user, () -> user.equals(text(By.id("user-name"))) && !driver.findElement(By.id("login")).isDisplayed());
        return this;
    }

    void type(By by, String text) {
        act(by, () -> {
            WebElement el = driver.findElement(by);
            el.clear();
            el.sendKeys(text);
        });
    }

    void choose(By by, String value) {
        act(by, () -> {
            new Select(driver.findElement(by)).selectByValue(value);
        });
    }

    void click(By by) {
        act(by, () -> {
            driver.findElement(by).click();
        });
    }

    /** Clicks a button that asks for confirmation, and accepts. */
    void clickAndConfirm(By by) {
        click(by);
        new WebDriverWait(driver, WAIT).until(d -> {
            try {
                d.switchTo().alert().accept();
                return true;
            } catch (org.openqa.selenium.NoAlertPresentException e) {
                return false;
            }
        });
    }

    String text(By by) {
        return again(() -> {
            List<WebElement> found = driver.findElements(by);
            return found.isEmpty() ? "" : found.get(0).getText();
        });
    }

    /** The text of every element found, in page order. */
    List<String> texts(By by) {
        return again(() -> driver.findElements(by).stream().map(WebElement::getText).collect(Collectors.toList()));
    }

    boolean visible(By by) {
        return again(() -> {
            List<WebElement> found = driver.findElements(by);
            return !found.isEmpty() && found.get(0).isDisplayed();
        });
    }

    /**
     * Acts on an element as a person does: once it is there (a view draws its forms after the
     * page behind the login shows), and again if the page replaced it in between (see
     * {@link #again}). At most {@link #WAIT}.
     */
    private void act(By by, Runnable action) {
        new WebDriverWait(driver, WAIT).withMessage(() -> by + " to act on; the page shows: " + pageText())
                .ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> {
                    action.run();
                    return true;
                });
    }

    /**
     * Finds and acts again when the page replaced the element in between: the console redraws
     * its page every few seconds, so an element found a moment ago may be gone ("stale"), with its
     * successor in its place. The action never happened on a stale element, so it is not repeated.
     */
    private <T> T again(Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Waits for a condition the page shows, at most 30 s (the console refreshes every 5 s). */
    void await(String what, Supplier<Boolean> condition) {
        await(what, WAIT, condition);
    }

    void await(String what, Duration timeout, Supplier<Boolean> condition) {
        new WebDriverWait(driver, timeout).withMessage(() -> what + "; the page shows: " + pageText())
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> condition.get());
    }

    /** Waits until the element's text contains the given text. */
    void awaitText(By by, String contains) {
        await("'" + contains + "' in " + by, () -> text(by).contains(contains));
    }

    String pageText() {
        try {
            String text = driver.findElement(By.tagName("body")).getText();
            return text.length() > 1500 ? text.substring(0, 1500) + "…" : text;
        } catch (RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Errors the page's scripts logged (uncaught exceptions, failed module loads), so far. */
    List<String> scriptErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
        // A failed API call is logged by the browser as a failed resource load: those are the
        // page's business (it shows them), not script errors.
        return consoleErrors.stream().filter(m -> !m.contains("/api/") && !m.contains("Failed to load resource"))
                .collect(Collectors.toList());
    }

    /** Gives the browser back for the next scenario, reset (see the class comment), or quits it if it cannot be. */
    @Override
    public void close() {
        try {
            reset();
        } catch (RuntimeException e) {
            quit();
            return;
        }
        synchronized (IDLE) {
            IDLE.computeIfAbsent(language, l -> new ArrayDeque<>()).push(this);
        }
    }

    /** A new blank tab, the old ones closed, nothing kept from the last scenario. */
    private void reset() {
        dismissAlert();
        script("try { localStorage.clear(); sessionStorage.clear(); } catch (e) { }");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Set<String> old = driver.getWindowHandles();
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        for (String handle : old) {
            driver.switchTo().window(handle).close();
        }
        driver.switchTo().window(fresh);
        driver.manage().logs().get(LogType.BROWSER);   // drained: its errors were the last scenario's
        consoleErrors.clear();
        base = null;
    }

    private void dismissAlert() {
        try {
            driver.switchTo().alert().dismiss();
        } catch (org.openqa.selenium.NoAlertPresentException e) {
            // none open
        }
    }

    private void quit() {
        try {
            driver.quit();
        } catch (RuntimeException e) {
            // it is going anyway
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
