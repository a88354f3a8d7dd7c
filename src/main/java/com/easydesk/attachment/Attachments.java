package com.easydesk.attachment;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Attachments extends JpaRepository<Attachment, Long> {

    @Query("select a from Attachment a where a.taskId = ?1 order by a.id")
    List<Attachment> findOfTask(long taskId);

    /** Content is stored once however often it is attached; a second upload of it changes nothing. */
    @Modifying
    @Query(value = "insert into stored_file (sha256, size_bytes) values (?1, ?2) on conflict do nothing",
            nativeQuery = true)
    void rememberContent(String sha256, long size);

    /** Which of these contents the database knows; every attachment and thumbnail names known content. */
    @Query(value = "select sha256 from stored_file where sha256 in (?1)", nativeQuery = true)
    List<String> findKnownContent(Collection<String> sha256s);

    @Query(value = "select size_bytes from stored_file where sha256 = ?1", nativeQuery = true)
    long sizeOfContent(String sha256);
}
