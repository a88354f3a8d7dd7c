package com.easydesk.attachment;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Thumbnails extends JpaRepository<Thumbnail, String> {

    /** Asks for a thumbnail of this content; asking again (the same image attached twice) changes nothing. */
    @Modifying
    @Query(value = "insert into thumbnail (sha256, state) values (?1, 'PENDING') on conflict do nothing",
            nativeQuery = true)
    void request(String sha256);

    /** Pending thumbnails, oldest first, locked so that no other worker (or node) makes the same ones. */
    @Query(value = "select * from thumbnail where state = 'PENDING' order by created_at limit ?1 "
            + "for update skip locked", nativeQuery = true)
    List<Thumbnail> lockPending(int limit);

    List<Thumbnail> findBySha256In(Collection<String> sha256s);
}
