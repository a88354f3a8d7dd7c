package com.easydesk.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import com.easydesk.person.Role;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Pages link static files by their plain paths, and those paths serve the files (see StaticResources). */
@IntegrationTest
class StaticResourcesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void linksAreWrittenAsTheTemplatesSayAndStillServeTheirFiles() throws Exception {
        String page = mvc.perform(get("/queue").with(fixtures.as(fixtures.staff(Role.EMPLOYEE)))).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).contains("href=\"/webjars/bootstrap/css/bootstrap.min.css\"",
                "src=\"/webjars/htmx.org/dist/htmx.min.js\"", "href=\"/css/app.css\"");
        for (String file : List.of("/webjars/bootstrap/css/bootstrap.min.css", "/webjars/htmx.org/dist/htmx.min.js",
                "/css/app.css")) {
            MockHttpServletResponse response = mvc.perform(get(file)).andReturn().getResponse();
            assertThat(response.getStatus()).as(file).isEqualTo(200);
            assertThat(response.getContentAsByteArray()).as(file).isNotEmpty();
        }
    }
}
