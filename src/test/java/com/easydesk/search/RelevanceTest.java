package com.easydesk.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;

import com.easydesk.category.Category;
import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relevance test set (docs/search.md): thirty tasks of a small web studio's client, and queries people
 * would type, each with the tasks that must come first. Every query must pass, so a change that makes
 * search worse fails the build. The same queries run against PostgreSQL's built-in {@code russian} text
 * search over the same tasks, for comparison; the report lands in {@code target/relevance-report.md}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelevanceTest {

    private static final Path REPORT = Path.of("target", "relevance-report.md");
    private static final Pattern NUMBER_PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    /** A task of the set: what it says, its public messages and files, and one internal message. */
    record Doc(String key, String title, String description, List<String> messages, List<String> files,
            String internalMessage) {

        static Doc of(String key, String title, String description, String... messages) {
            return new Doc(key, title, description, List.of(messages), List.of(), null);
        }

        Doc withFile(String name) {
            List<String> all = new ArrayList<>(files);
            all.add(name);
            return new Doc(key, title, description, messages, all, internalMessage);
        }

        Doc withInternal(String text) {
            return new Doc(key, title, description, messages, files, text);
        }
    }

    /** A query and the tasks that must take the first places, in any order among themselves. */
    record Case(String query, List<String> first) {
    }

    static final List<Doc> DOCS = List.of(
            Doc.of("hosting", "Не открывается сайт после переезда на новый хостинг",
                    "С утра сайт отдаёт ошибку 502. Вчера вечером переносили на новый сервер.",
                    "Проверяем настройки nginx на новом сервере."),
            Doc.of("invoices", "Выгрузка счетов из 1С на сайт",
                    "Нужно настроить ежедневную выгрузку счетов из 1С:Бухгалтерия в личный кабинет."),
            Doc.of("feedback", "Добавить форму обратной связи",
                    "На странице «Контакты» нужна форма с отправкой на почту.",
                    "Пришлите адрес, на который должны приходить письма с формы."),
            Doc.of("prices", "Обновить цены в каталоге", "Новый прайс-лист во вложении.")
                    .withFile("прайс-лист_2026.xlsx"),
            Doc.of("contract", "Договор на обслуживание",
                    "Подготовьте договор на техническое обслуживание сайта на год.")
                    .withFile("договор_обслуживания.docx"),
            Doc.of("archive", "Архив договоров с поставщиками", "Отсканировать договоры и разложить по папкам."),
            Doc.of("down", "Сервер упал ночью", "Сайт недоступен с трёх часов ночи, сервер не отвечает на ping."),
            Doc.of("mail", "Не приходит почта на корпоративный ящик",
                    "Письма от клиентов не доходят, в спаме их тоже нет.",
                    "Проверили MX-записи домена, всё в порядке."),
            Doc.of("printer", "Принтер в бухгалтерии печатает полосами", "Картридж меняли на прошлой неделе."),
            Doc.of("ssl", "Истекает SSL-сертификат", "Браузер предупреждает, что сертификат истекает через неделю.")
                    .withInternal("Продлим у другого регистратора, клиенту цену не называем."),
            Doc.of("backup", "Настроить резервное копирование базы",
                    "Ежедневный бэкап базы данных PostgreSQL на отдельный диск."),
            Doc.of("wifi", "Слабый Wi-Fi в переговорной", "В переговорной постоянно пропадает интернет."),
            Doc.of("password", "Сбросить пароль от почты", "Сотрудница забыла пароль от почтового ящика."),
            Doc.of("banner", "Заменить баннер на главной странице", "Новый баннер к распродаже, макет в файле.")
                    .withFile("баннер-распродажа.png"),
            Doc.of("seo", "Поднять сайт в поиске Яндекса", "Позиции по ключевым запросам упали после редизайна."),
            Doc.of("speed", "Сайт медленно загружается", "Главная страница открывается больше десяти секунд.",
                    "Оптимизировали изображения и включили кеширование в nginx."),
            Doc.of("update1c", "Обновить конфигурацию 1С",
                    "Вышел новый релиз 1С:Бухгалтерия 3.0, нужно обновить базу."),
            Doc.of("tree", "Новогодняя ёлка на главной", "Добавить анимированную ёлку и снег на сайт к празднику."),
            Doc.of("cart", "Ошибка при оформлении заказа в корзине",
                    "Покупатели жалуются: кнопка «Оформить заказ» не нажимается в Safari."),
            Doc.of("payment", "Подключить оплату картой", "Нужна онлайн-оплата через эквайринг банка на сайте."),
            Doc.of("mobile", "Вёрстка ломается на телефоне", "На iPhone меню наезжает на логотип."),
            Doc.of("domain", "Продлить домен romashka.ru", "Домен истекает в следующем месяце, продлите на два года."),
            Doc.of("wrongprice", "Неверные цены в прайсе", "В каталоге у части товаров цена указана без НДС."),
            Doc.of("newsletter", "Рассылка писем клиентам", "Подготовить шаблон для рассылки о новых услугах."),
            Doc.of("report", "Отчёт по посещаемости за месяц", "Пришлите отчёт из Метрики по посещаемости сайта."),
            Doc.of("vpn", "Настроить VPN для удалённых сотрудников",
                    "Три сотрудника работают из дома, нужен доступ к серверу 1С."),
            Doc.of("scanner", "Не работает сканер", "Сканер в приёмной не видит компьютер после обновления Windows."),
            Doc.of("counters", "Счётчики на сайте", "Установить счётчик Яндекс.Метрики и Google Analytics."),
            Doc.of("reconciliation", "Акт сверки за квартал", "Нужен акт сверки взаиморасчётов.")
                    .withFile("акт_сверки_3кв.pdf"),
            Doc.of("logo", "Новый логотип в шапке сайта", "Заменить логотип, файл пришлём позже."));

    static final List<Case> CASES = List.of(
            new Case("сайт не открывается", List.of("hosting")),
            new Case("502", List.of("hosting")),
            new Case("ошибка 502", List.of("hosting")),
            new Case("nginx", List.of("hosting", "speed")),
            new Case("переезд хостинга", List.of("hosting")),
            new Case("выгрузка счетов", List.of("invoices")),
            new Case("счёт", List.of("invoices")),
            new Case("1С", List.of("invoices", "update1c")),
            new Case("1с бухгалтерия", List.of("invoices", "update1c")),
            new Case("форма обратной связи", List.of("feedback")),
            new Case("формы", List.of("feedback")),
            new Case("почта", List.of("mail")),
            new Case("почты", List.of("password")),
            new Case("письма", List.of("mail", "feedback")),
            new Case("договор", List.of("contract")),
            new Case("договоров", List.of("archive")),
            new Case("догов", List.of("contract", "archive")),
            new Case("договр", List.of("contract", "archive")),
            new Case("сервер упал", List.of("down")),
            new Case("сервера упали", List.of("down")),
            new Case("сервер", List.of("down")),
            new Case("ёлка", List.of("tree")),
            new Case("елка", List.of("tree")),
            new Case("ЁЛКУ", List.of("tree")),
            new Case("принтер", List.of("printer")),
            new Case("прнтер", List.of("printer")),
            new Case("картридж", List.of("printer")),
            new Case("сертификат", List.of("ssl")),
            new Case("сертефикат", List.of("ssl")),
            new Case("SSL", List.of("ssl")),
            new Case("бэкап", List.of("backup")),
            new Case("резервное копирование базы", List.of("backup")),
            new Case("wi-fi", List.of("wifi")),
            new Case("интернет пропадает", List.of("wifi")),
            new Case("пароль", List.of("password")),
            new Case("баннер", List.of("banner")),
            new Case("распродажа", List.of("banner")),
            new Case("медленно загружается сайт", List.of("speed")),
            new Case("кеширование", List.of("speed")),
            new Case("корзина", List.of("cart")),
            new Case("оформить заказ", List.of("cart")),
            new Case("оплата картой", List.of("payment")),
            new Case("телефон", List.of("mobile")),
            new Case("верстка", List.of("mobile")),
            new Case("домен", List.of("domain")),
            new Case("romashka", List.of("domain")),
            new Case("цены", List.of("prices", "wrongprice")),
            new Case("прайс", List.of("wrongprice")),
            new Case("отчет", List.of("report")),
            new Case("посещаемость", List.of("report")),
            new Case("vpn", List.of("vpn")),
            new Case("удаленный доступ", List.of("vpn")),
            new Case("сканер", List.of("scanner")),
            new Case("счетчик метрики", List.of("counters")),
            new Case("акт сверки", List.of("reconciliation")),
            new Case("логотип", List.of("logo")),
            new Case("#{hosting}", List.of("hosting")),
            new Case("№ {reconciliation}", List.of("reconciliation")),
            new Case("№{down}", List.of("down")),
            new Case("{tree}", List.of("tree")));

    @Autowired
    Fixtures fixtures;

    @Autowired
    SearchService search;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    Client company;
    Person supervisor;
    Map<String, Task> tasks = new HashMap<>();
    Map<Long, String> keysById = new HashMap<>();

    @BeforeAll
    void buildTheSet() {
        company = fixtures.client();
        supervisor = fixtures.supervisor(company);
        Person employee = fixtures.staff(Role.EMPLOYEE);
        Category category = fixtures.category(employee);
        for (Doc doc : DOCS) {
            Task task = fixtures.titledTask(supervisor, category, doc.title(), doc.description());
            for (String message : doc.messages()) {
                fixtures.message(employee, task, message, false);
            }
            if (!doc.files().isEmpty()) {
                fixtures.message(employee, task, "Файлы во вложении",
                        false, doc.files().stream().map(name -> Fixtures.file(name, name))
                                .toArray(MockMultipartFile[]::new));
            }
            if (doc.internalMessage() != null) {
                fixtures.message(employee, task, doc.internalMessage(), true);
            }
            tasks.put(doc.key(), task);
            keysById.put(task.getId(), doc.key());
        }
    }

    @Test
    void theSetIsLargeEnoughToMeanSomething() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(40);
        assertThat(DOCS).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void everyQueryFindsItsTasksFirst() {
        List<String> failures = new ArrayList<>();
        for (Case testCase : CASES) {
            List<String> found = ours(query(testCase));
            if (!firstAre(found, testCase.first())) {
                failures.add(testCase.query() + ": expected first " + testCase.first() + ", got " + found);
            }
        }
        assertThat(failures).as("queries whose expected tasks are not first").isEmpty();
    }

    @Test
    void searchDoesBetterThanPostgresqlsRussianTextSearch() throws IOException {
        var report = new StringBuilder("| query | expected first | EasyDesk | PostgreSQL `russian` |\n")
                .append("|---|---|---|---|\n");
        int oursPassed = 0;
        int postgresPassed = 0;
        double oursReciprocalRanks = 0;
        double postgresReciprocalRanks = 0;
        for (Case testCase : CASES) {
            String query = query(testCase);
            List<String> ours = ours(query);
            List<String> postgres = postgres(query);
            boolean oursOk = firstAre(ours, testCase.first());
            boolean postgresOk = firstAre(postgres, testCase.first());
            oursPassed += oursOk ? 1 : 0;
            postgresPassed += postgresOk ? 1 : 0;
            oursReciprocalRanks += reciprocalRank(ours, testCase.first());
            postgresReciprocalRanks += reciprocalRank(postgres, testCase.first());
            report.append("| ").append(testCase.query()).append(" | ").append(String.join(", ", testCase.first()))
                    .append(" | ").append(mark(oursOk, ours)).append(" | ").append(mark(postgresOk, postgres))
                    .append(" |\n");
        }
        int total = CASES.size();
        report.append(String.format(Locale.ROOT, "%n**Expected tasks first:** EasyDesk %d of %d, PostgreSQL %d of %d. "
                + "**Mean reciprocal rank:** EasyDesk %.2f, PostgreSQL %.2f.%n", oursPassed, total, postgresPassed,
                total, oursReciprocalRanks / total, postgresReciprocalRanks / total));
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report, StandardCharsets.UTF_8);

        assertThat(oursPassed).as("queries passed, EasyDesk vs PostgreSQL (see " + REPORT + ")")
                .isGreaterThan(postgresPassed);
    }

    private String query(Case testCase) {
        Matcher matcher = NUMBER_PLACEHOLDER.matcher(testCase.query());
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(resolved, String.valueOf(tasks.get(matcher.group(1)).getNumber()));
        }
        return matcher.appendTail(resolved).toString();
    }

    private List<String> ours(String query) {
        Map<Long, String> byNumber = new HashMap<>();
        tasks.forEach((key, task) -> byNumber.put(task.getNumber(), key));
        return search.search(Viewer.of(supervisor), SearchCriteria.text(query), 0, 50).hits().stream()
                .map(hit -> byNumber.get(hit.number())).toList();
    }

    /**
     * PostgreSQL's own text search over what the supervisor may read (title, description, public messages,
     * file names), with the title weighted highest, ranked by ts_rank: the usual way to use it.
     */
    private List<String> postgres(String query) {
        List<Long> ids = jdbc.queryForList("""
                with document as (
                    select t.id,
                           setweight(to_tsvector('russian', t.title), 'A')
                           || setweight(to_tsvector('russian', t.description), 'B')
                           || setweight(to_tsvector('russian', coalesce((select string_agg(m.body, ' ')
                                  from message m where m.task_id = t.id and not m.internal), '')), 'C')
                           || setweight(to_tsvector('russian', coalesce((select string_agg(a.file_name, ' ')
                                  from attachment a left join message m on m.id = a.message_id
                                  where a.task_id = t.id and (m.id is null or not m.internal)), '')), 'C')
                           as vector
                    from task t
                    where t.client_id = :client and not t.internal
                )
                select id from document
                where vector @@ plainto_tsquery('russian', :query)
                order by ts_rank(vector, plainto_tsquery('russian', :query)) desc, id
                """, Map.of("client", company.getId(), "query", query), Long.class);
        return ids.stream().map(keysById::get).toList();
    }

    private static boolean firstAre(List<String> found, List<String> expected) {
        return found.size() >= expected.size()
                && Set.copyOf(found.subList(0, expected.size())).equals(Set.copyOf(expected));
    }

    private static double reciprocalRank(List<String> found, List<String> expected) {
        for (int i = 0; i < found.size(); i++) {
            if (expected.contains(found.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static String mark(boolean ok, List<String> found) {
        String top = found.isEmpty() ? "nothing" : String.join(", ", found.subList(0, Math.min(3, found.size())));
        return (ok ? "✓ " : "✗ ") + top;
    }
}
