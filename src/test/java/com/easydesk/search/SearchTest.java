package com.easydesk.search;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import com.easydesk.category.Category;
import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.Task;
import com.easydesk.task.TaskEdit;
import com.easydesk.task.TaskService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Search as people use it: word forms, numbers, ranking, snippets, malformed input, and above all
 * visibility. Each test works in a client company of its own and searches as its supervisor or contact,
 * so other tests' tasks in the shared database never show up; staff searches check with "contains".
 */
@IntegrationTest
class SearchTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    SearchService search;

    @Autowired
    SearchIndex index;

    @Autowired
    TaskService taskService;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EntityManager entityManager;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    Client company;
    Person boss;
    Person contact;
    Person employee;
    Category category;

    @BeforeEach
    void setUp() {
        company = fixtures.client();
        boss = fixtures.supervisor(company);
        contact = fixtures.contact(company);
        employee = fixtures.staff(Role.EMPLOYEE);
        category = fixtures.category(employee);
    }

    @Nested
    class WordForms {

        @Test
        void anyFormOfAWordFindsTheOthers() {
            Task task = task("Продление договоров аренды", "Пришлите договорами подписанные экземпляры");

            for (String query : List.of("договор", "договоров", "договорами", "ДОГОВОРА", "аренда", "экземпляр")) {
                assertThat(numbers(boss, query)).as(query).containsExactly(task.getNumber());
            }
        }

        @Test
        void sentencesMatchInOtherForms() {
            Task task = task("Сервер упал", "");

            assertThat(numbers(boss, "сервера упали")).containsExactly(task.getNumber());
        }

        @Test
        void yoAndYeAreOneLetter() {
            Task tree = task("Ёлка на главной странице", "Ещё нужно добавить счётчик");

            assertThat(numbers(boss, "елка")).containsExactly(tree.getNumber());
            assertThat(numbers(boss, "счетчик")).containsExactly(tree.getNumber());
            assertThat(numbers(boss, "ЁЛКИ")).containsExactly(tree.getNumber());
        }

        @Test
        void latinWordsAndOneCAreFound() {
            Task task = task("Настроить nginx", "Обмен с 1С:Бухгалтерия каждую ночь");

            assertThat(numbers(boss, "NGINX")).containsExactly(task.getNumber());
            assertThat(numbers(boss, "1с")).containsExactly(task.getNumber());
            assertThat(numbers(boss, "бухгалтерии")).containsExactly(task.getNumber());
        }

        @Test
        void aWordStartFindsTheWord() {
            Task task = task("Договор поставки", "");

            assertThat(numbers(boss, "догов")).containsExactly(task.getNumber());
            assertThat(numbers(boss, "договор пост")).containsExactly(task.getNumber());
        }

        @Test
        void oneTypoInALongerWordStillFinds() {
            Task task = task("Сломался маршрутизатор", "");

            assertThat(numbers(boss, "маршрутезатор")).containsExactly(task.getNumber());
            assertThat(numbers(boss, "сламался")).containsExactly(task.getNumber());
            assertThat(search(boss, "маршрутезатор").hits().get(0).titleHtml())
                    .isEqualTo("Сломался <mark>маршрутизатор</mark>");
        }

        @Test
        void stopWordsAloneFindNothing() {
            task("Не работает и не открывается", "");

            assertThat(search(boss, "и не в на").total()).isZero();
        }
    }

    @Nested
    class Ranking {

        @Test
        void exactFormComesBeforeOtherForms() {
            Task otherForm = task("Проверка договоров", "");
            Task exactForm = task("Проверка договора", "");

            assertThat(numbers(boss, "договора")).containsExactly(exactForm.getNumber(), otherForm.getNumber());
        }

        @Test
        void titleComesBeforeDescriptionAndMessages() {
            Task inMessage = task("Вопрос", "");
            fixtures.message(employee, inMessage, "Картридж для принтера заказан", false);
            Task inDescription = task("Вопрос про офис", "Не печатает принтер");
            Task inTitle = task("Принтер", "");

            assertThat(numbers(boss, "принтер"))
                    .containsExactly(inTitle.getNumber(), inDescription.getNumber(), inMessage.getNumber());
        }

        @Test
        void aTypoComesAfterTheRightSpelling() {
            Task typo = task("Перезагрузить раутер", "");
            Task right = task("Перезагрузить роутер", "");

            assertThat(numbers(boss, "роутер")).containsExactly(right.getNumber(), typo.getNumber());
        }

        @Test
        void tasksWithAllWordsComeAlone() {
            Task both = task("Почта не отправляет письма", "");
            task("Почта", "");

            assertThat(numbers(boss, "почта письма")).containsExactly(both.getNumber());
        }
    }

    @Nested
    class Numbers {

        @ParameterizedTest
        @ValueSource(strings = {"%d", "#%d", "№%d", "№ %d", " # %d "})
        void aTaskIsFoundByItsNumberInAnySpelling(String spelling) {
            Task task = task("Счёт за хостинг", "");
            task("Ссылка на задачу", "См. " + task.getNumber());

            List<Long> found = numbers(boss, String.format(spelling, task.getNumber()));

            assertThat(found).first().isEqualTo(task.getNumber());
        }

        @Test
        void aNumberOfATaskTheViewerMayNotSeeFindsNothing() {
            Task foreign = fixtures.titledTask(fixtures.contact(fixtures.client()), category, "Чужая", "");

            assertThat(numbers(boss, "#" + foreign.getNumber())).isEmpty();
        }
    }

    @Nested
    class Paging {

        @Test
        void pagesSplitTheResultsAndTheCountCoversThemAll() {
            for (int i = 0; i < 5; i++) {
                task("Кувшинка " + i, "");
            }

            SearchResults first = search.search(Viewer.of(boss), SearchCriteria.text("кувшинка"), 0, 2);
            SearchResults last = search.search(Viewer.of(boss), SearchCriteria.text("кувшинка"), 2, 2);
            SearchResults beyond = search.search(Viewer.of(boss), SearchCriteria.text("кувшинка"), 9, 2);

            assertThat(first.total()).isEqualTo(5);
            assertThat(first.totalPages()).isEqualTo(3);
            assertThat(first.hits()).hasSize(2);
            assertThat(first.hasNext()).isTrue();
            assertThat(last.hits()).hasSize(1);
            assertThat(last.hasNext()).isFalse();
            assertThat(beyond.hits()).isEmpty();
            assertThat(beyond.total()).isEqualTo(5);
        }
    }

    @Nested
    class Visibility {

        @Test
        void aWordInAnInternalMessageIsFoundOnlyByStaff() {
            Task publicOne = task("Первая", "");
            fixtures.message(employee, publicOne, "Кактус полили", false);
            Task internalOnly = task("Вторая", "");
            fixtures.message(employee, internalOnly, "Кактус засох, клиенту не говорим", true);

            for (Person client : List.of(boss, contact)) {
                SearchResults results = search(client, "кактус");
                assertThat(results.hits()).extracting(SearchHit::number).containsExactly(publicOne.getNumber());
                assertThat(results.total()).isEqualTo(1);
                assertThat(results.hits().get(0).snippetHtml()).contains("полили").doesNotContain("засох");
            }
            assertThat(numbers(employee, "кактус")).contains(publicOne.getNumber(), internalOnly.getNumber());
            assertThat(search(employee, "кактус").hits()).filteredOn(hit -> hit.number() == internalOnly.getNumber())
                    .singleElement().extracting(SearchHit::source).isEqualTo(SearchHit.Source.INTERNAL_MESSAGE);
        }

        @Test
        void aSnippetNeverQuotesAnInternalMessageOfAVisibleTask() {
            Task task = task("Баобаб", "");
            fixtures.message(employee, task, "Баобаб: внутренняя оценка сорок часов", true);

            SearchResults results = search(boss, "баобаб");

            assertThat(results.hits()).singleElement().satisfies(hit -> {
                assertThat(hit.snippetHtml()).isNull();
                assertThat(hit.titleHtml()).contains("<mark>Баобаб</mark>");
            });
        }

        @Test
        void anotherCompanysTasksAreNeverFound() {
            Person stranger = fixtures.supervisor(fixtures.client());
            Task foreign = fixtures.titledTask(stranger, category, "Секвойя во дворе", "");
            Task own = task("Секвойя у входа", "");

            assertThat(numbers(boss, "секвойя")).containsExactly(own.getNumber());
            assertThat(numbers(stranger, "секвойя")).containsExactly(foreign.getNumber());
        }

        @Test
        void aContactFindsOwnTasksAndTheSupervisorTheWholeCompanys() {
            Task contactsOwn = task("Фикус", "");
            Task colleagues = fixtures.titledTask(fixtures.contact(company), category, "Фикус в коридоре", "");

            assertThat(numbers(contact, "фикус")).containsExactly(contactsOwn.getNumber());
            assertThat(numbers(boss, "фикус")).containsExactlyInAnyOrder(contactsOwn.getNumber(),
                    colleagues.getNumber());
        }

        @Test
        void aContactFindsATaskTheyWatchAndNotOnceTheyStop() {
            Person colleague = fixtures.contact(company);
            Task watched = task("Гортензия на клумбе", "");
            assertThat(numbers(colleague, "гортензия")).isEmpty();

            setWatcher(watched, colleague.getId(), null);
            assertThat(numbers(colleague, "гортензия")).containsExactly(watched.getNumber());

            setWatcher(watched, null, colleague.getId());
            assertThat(numbers(colleague, "гортензия")).isEmpty();
        }

        @Test
        void aClientFindsOwnTasksWhenOtherCompaniesHoldTheWordInThousandsOfMessages() {
            Task foreign = fixtures.titledTask(fixtures.supervisor(fixtures.client()), category, "Сад", "");
            jdbc.update("insert into message (task_id, author_id, body) select :task, :author, 'Сирень у ограды ' || n "
                    + "from generate_series(1, :count) n", Map.of("task", foreign.getId(), "author", employee.getId(),
                    "count", 2_000));
            Task own = task("Двор", "");
            // Another form of the word ranks below the exact one: a search that kept only the best two thousand
            // hits per word before checking visibility would give the other company's messages every place.
            fixtures.message(contact, own, "Сиренью пахнет у крыльца", false);
            index.rebuildNow();

            assertThat(numbers(boss, "сирень")).containsExactly(own.getNumber());
            assertThat(numbers(contact, "сирень")).containsExactly(own.getNumber());
            assertThat(numbers(employee, "сирень")).containsExactly(foreign.getNumber(), own.getNumber());
        }

        @Test
        void anInternalTaskIsFoundOnlyByStaff() {
            Task task = task("Магнолия", "");
            makeInternal(task, true);

            assertThat(search(boss, "магнолия").total()).isZero();
            assertThat(search(contact, "#" + task.getNumber()).total()).isZero();
            assertThat(numbers(employee, "магнолия")).contains(task.getNumber());
        }

        @Test
        void aFileIsFoundWhereItsMessageIsVisible() {
            Task task = task("Документы", "");
            fixtures.message(employee, task, "Вот смета", false, Fixtures.file("смета-итоговая.xlsx", "1"));
            fixtures.message(employee, task, "Черновик", true, Fixtures.file("калькуляция-внутренняя.xlsx", "2"));

            SearchResults estimate = search(boss, "смета итоговая");
            assertThat(estimate.hits()).extracting(SearchHit::number).containsExactly(task.getNumber());
            assertThat(search(boss, "калькуляция").total()).isZero();
            assertThat(numbers(employee, "калькуляция")).contains(task.getNumber());
        }

        @Test
        void filtersNarrowWithinWhatTheViewerMaySee() {
            Task task = task("Орхидея", "");
            long status = task.getStatus().getId();

            assertThat(search(boss, new SearchCriteria("орхидея", status, null, null, null)).total()).isOne();
            assertThat(search(boss, new SearchCriteria("орхидея", null, company.getId(), category.getId(), null))
                    .total()).isOne();
            assertThat(search(boss, new SearchCriteria("орхидея", null, 999_999L, null, null)).total()).isZero();
        }
    }

    @Nested
    class IndexFollowsChanges {

        @Test
        void aNewMessageIsFoundAtOnce() {
            Task task = task("Тюльпан", "");
            fixtures.message(contact, task, "Пришлите гладиолус", false);

            assertThat(numbers(boss, "гладиолусы")).containsExactly(task.getNumber());
        }

        @Test
        void anEditedTitleIsFoundAtOnceAndTheOldOneNoMore() {
            Task task = task("Гортензия", "");

            transactions.executeWithoutResult(status -> ReflectionTestUtils.setField(
                    entityManager.find(Task.class, task.getId()), "title", "Хризантема"));

            assertThat(numbers(boss, "хризантемы")).containsExactly(task.getNumber());
            assertThat(numbers(boss, "гортензия")).isEmpty();
        }

        @Test
        void aStatusChangeMovesTheTaskBetweenFilters() {
            Task task = task("Ромашка полевая", "");
            long newStatus = task.getStatus().getId();
            Task changed = taskService.changeStatus(Viewer.of(employee), task.getNumber(), statusId("in_progress"),
                    task.getVersion());

            assertThat(search(boss, new SearchCriteria("полевая", newStatus, null, null, null)).total()).isZero();
            assertThat(search(boss, new SearchCriteria("полевая", changed.getStatus().getId(), null, null, null))
                    .total()).isOne();
        }

        @Test
        void aTaskBecomingInternalIsHiddenAtOnceAndBecomingPublicShowsAgain() {
            Task task = task("Пион", "");
            fixtures.message(employee, task, "Пион распустился", false);

            makeInternal(task, true);
            assertThat(search(boss, "распустился").total()).isZero();

            makeInternal(task, false);
            assertThat(numbers(boss, "распустился")).containsExactly(task.getNumber());
        }

        @Test
        void rowsWrittenAroundTheApplicationAreFoundAfterARebuild() {
            Task task = task("Незабудка", "");
            jdbc.update("update task set title = 'Лаванда' where id = :id", Map.of("id", task.getId()));
            jdbc.update("insert into message (task_id, author_id, body) values (:task, :author, 'Астра')",
                    Map.of("task", task.getId(), "author", employee.getId()));
            assertThat(index.outOfDateReason()).isNotNull();

            index.rebuildNow();

            assertThat(index.outOfDateReason()).isNull();
            assertThat(numbers(boss, "лаванда")).containsExactly(task.getNumber());
            assertThat(numbers(boss, "астра")).containsExactly(task.getNumber());
            assertThat(numbers(boss, "незабудка")).isEmpty();
        }
    }

    @Nested
    class Snippets {

        @Test
        void textIsEscapedAndOnlyTheMatchesAreMarked() {
            task("<script>alert(1)</script> Клён", "<b>Клён</b> & <img src=x onerror=alert(2)>");

            SearchHit hit = search(boss, "клен").hits().get(0);

            assertThat(hit.titleHtml()).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Клён</mark>");
            assertThat(hit.snippetHtml()).doesNotContain("<b>", "<img").contains("<mark>Клён</mark>");
            assertThat(hit.source()).isEqualTo(SearchHit.Source.DESCRIPTION);
        }

        @Test
        void aSnippetQuotesTheTextWithoutItsMarkdownSigns() {
            task("Заказы", "Не приходит **форма заказа** с сайта, см. `order.php`");

            String snippet = search(boss, "форма").hits().get(0).snippetHtml();

            assertThat(snippet).contains("<mark>форма</mark> заказа").doesNotContain("**").doesNotContain("`");
        }

        @Test
        void aTitleWithoutTheWordIsEscapedToo() {
            task("<img src=x onerror=alert(1)> Тополь", "Осина и ясень");

            SearchHit hit = search(boss, "ясень").hits().get(0);

            assertThat(hit.titleHtml()).isEqualTo("&lt;img src=x onerror=alert(1)&gt; Тополь");
            assertThat(hit.snippetHtml()).isEqualTo("Осина и <mark>ясень</mark>");
        }

        @Test
        void aMessageSnippetMarksOtherFormsOfTheWord() {
            Task task = task("Вопрос по сайту", "");
            fixtures.message(contact, task, "На сайте не работают формы обратной связи", false);

            SearchHit hit = search(boss, "форма").hits().get(0);

            assertThat(hit.source()).isEqualTo(SearchHit.Source.MESSAGE);
            assertThat(hit.snippetHtml()).contains("<mark>формы</mark>");
        }
    }

    @Nested
    class MalformedQueries {

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "!!!", "\"", "'", "title:*", "AND OR", "*", "?", "\\", "((", "#", "№", "~1",
            "+-&&||", "title:(договор OR счёт)", "\u0000", "99999999999999999999999"})
        void answerWithAnEmptyOrSensibleResult(String query) {
            assertThatCode(() -> search(employee, query)).doesNotThrowAnyException();
        }

        @Test
        void tenThousandCharactersAreCut() {
            Task task = task("Длинный запрос", "");

            assertThat(numbers(boss, "длинный запрос " + "!".repeat(10_000))).containsExactly(task.getNumber());
            assertThat(search(boss, "длинный " + "я".repeat(10_000)).total()).isZero();
        }
    }

    private Task task(String title, String description) {
        return fixtures.titledTask(contact, category, title, description);
    }

    private void setWatcher(Task task, Long add, Long remove) {
        Task current = taskService.visibleTask(Viewer.of(employee), task.getNumber());
        taskService.edit(Viewer.of(employee), task.getNumber(), new TaskEdit(current.getPriority(), null, null, null,
                category.getId(), null, company.getId(), contact.getId(), null, null, add, remove),
                current.getVersion());
    }

    private SearchResults search(Person viewer, String text) {
        return search(viewer, SearchCriteria.text(text));
    }

    private SearchResults search(Person viewer, SearchCriteria criteria) {
        return search.search(Viewer.of(viewer), criteria, 0, 50);
    }

    private List<Long> numbers(Person viewer, String text) {
        return search(viewer, text).hits().stream().map(SearchHit::number).toList();
    }

    private long statusId(String code) {
        return jdbc.queryForObject("select id from task_status where code = :code", Map.of("code", code), Long.class);
    }

    /**
     * Sets the flag on the managed entity, as the task feature's own verb will: Hibernate writes the change
     * and Hibernate Search reindexes the task in the same transaction.
     */
    private void makeInternal(Task task, boolean internal) {
        transactions.executeWithoutResult(status -> ReflectionTestUtils.setField(
                entityManager.find(Task.class, task.getId()), "internal", internal));
    }
}
