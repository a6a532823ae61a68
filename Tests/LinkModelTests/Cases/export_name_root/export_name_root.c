void exported_missing(void);
void plain_missing(void);
__attribute__((export_name("api"))) void api(void) { exported_missing(); }
void plain(void) { plain_missing(); }
