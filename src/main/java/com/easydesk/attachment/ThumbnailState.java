package com.easydesk.attachment;

/** Where an image's thumbnail stands. */
public enum ThumbnailState {

    /** Waiting for the background worker; the page may ask again shortly. */
    PENDING,
    /** Made and stored; served from then on. */
    READY,
    /** The image could not be decoded (or was too large to decode safely); pages show an icon instead. */
    FAILED
}
