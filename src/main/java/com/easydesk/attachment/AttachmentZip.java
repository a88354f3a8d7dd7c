package com.easydesk.attachment;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes files into a zip as they stream from the store: nothing is held in memory or copied to disk. Names
 * are UTF-8 with the language-encoding flag set, so Windows Explorer, 7-Zip, macOS and {@code unzip} show
 * Cyrillic names as written.
 */
final class AttachmentZip {

    private final FileStore store;

    AttachmentZip(FileStore store) {
        this.store = store;
    }

    void write(List<Attachment> files, OutputStream target) throws IOException {
        var names = new ZipEntryNames();
        try (var zip = new ZipArchiveOutputStream(new KeepOpen(target))) {
            zip.setEncoding(StandardCharsets.UTF_8.name());
            zip.setUseLanguageEncodingFlag(true);
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            zip.setUseZip64(Zip64Mode.AsNeeded);
            for (Attachment file : files) {
                var entry = new ZipArchiveEntry(names.unique(file.getFileName()));
                entry.setSize(file.getSizeBytes());
                entry.setLastModifiedTime(FileTime.from(file.getCreatedAt()));
                zip.putArchiveEntry(entry);
                try (InputStream content = store.open(file.getSha256())) {
                    content.transferTo(zip);
                }
                zip.closeArchiveEntry();
            }
            zip.finish();
        }
    }

    /** The response stream belongs to the servlet container, which closes it after the last byte. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream target) {
            super(target);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
