/*
 * The floor under `ingest` on PDFs: exactly the poppler-glib calls the PDF extractor makes for each page
 * (poppler_page_get_text, poppler_page_get_text_layout, poppler_page_get_text_attributes), and nothing else.
 * Benchmarks/pdf.sh runs it beside pdftotext and ingest; everything ingest takes beyond this is our own code.
 *
 *   glib_text_floor FILE.pdf...     (paths absolute or relative)
 */
#include <poppler.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        GError *error = NULL;
        char absolute[PATH_MAX];
        char *uri = realpath(argv[i], absolute) != NULL ? g_filename_to_uri(absolute, NULL, &error) : NULL;
        if (uri == NULL) {
            fprintf(stderr, "%s: cannot find the file\n", argv[i]);
            g_clear_error(&error);
            failed = 1;
            continue;
        }
        PopplerDocument *document = poppler_document_new_from_file(uri, NULL, &error);
        g_free(uri);
        if (document == NULL) {
            fprintf(stderr, "%s: %s\n", argv[i], error != NULL ? error->message : "cannot open");
            g_clear_error(&error);
            failed = 1;
            continue;
        }
        int pages = poppler_document_get_n_pages(document);
        for (int index = 0; index < pages; index++) {
            PopplerPage *page = poppler_document_get_page(document, index);
            if (page == NULL) continue;
            g_free(poppler_page_get_text(page));
            PopplerRectangle *rectangles = NULL;
            guint count = 0;
            if (poppler_page_get_text_layout(page, &rectangles, &count)) g_free(rectangles);
            GList *attributes = poppler_page_get_text_attributes(page);
            if (attributes != NULL) poppler_page_free_text_attributes(attributes);
            g_object_unref(page);
        }
        g_object_unref(document);
    }
    return failed;
}
