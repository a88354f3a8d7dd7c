package com.easydesk.attachment;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet container writes uploads it is receiving into the file store's scratch directory of this
 * process, with the configured limits, so that an upload cut off by a crash is removed at the next start
 * like any other temporary file of the store.
 */
@Configuration
class UploadScratch {

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart, LocalDirectoryFileStore store) {
        MultipartConfigElement configured = multipart.createMultipartConfig();
        return new MultipartConfigElement(store.scratchDirectory().toString(), configured.getMaxFileSize(),
                configured.getMaxRequestSize(), configured.getFileSizeThreshold());
    }
}
