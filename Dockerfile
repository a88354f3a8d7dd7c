# EasyDesk image: build with Maven, run on a JRE as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -DskipTests package && cp target/easydesk-*.jar /easydesk.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system easydesk && useradd --system --gid easydesk --home-dir /var/lib/easydesk easydesk \
    && mkdir -p /var/lib/easydesk/files && chown -R easydesk:easydesk /var/lib/easydesk
COPY --from=build /easydesk.jar /opt/easydesk/easydesk.jar
USER easydesk
WORKDIR /var/lib/easydesk
ENV EASYDESK_FILES_DIR=/var/lib/easydesk/files \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
VOLUME /var/lib/easydesk/files
ENTRYPOINT ["java", "-jar", "/opt/easydesk/easydesk.jar"]
