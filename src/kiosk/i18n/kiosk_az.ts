<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az_AZ">
<context>
    <name>AccessPanel</name>
    <message>
        <source>Easier to see and read</source>
        <translation>Görmək və oxumaq daha asan</translation>
    </message>
    <message>
        <source>Standard text</source>
        <translation>Adi mətn</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Böyük mətn</translation>
    </message>
    <message>
        <source>Largest text</source>
        <translation>Ən böyük mətn</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Mətn ölçüsü</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Yüksək kontrast</translation>
    </message>
    <message>
        <source>White and yellow on black</source>
        <translation>Qara fonda ağ və sarı</translation>
    </message>
    <message>
        <source>Less motion</source>
        <translation>Az hərəkət</translation>
    </message>
    <message>
        <source>No moving light and no fades</source>
        <translation>Hərəkətli işıq və keçid effektləri olmadan</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hazır</translation>
    </message>
    <message>
        <source>Close these settings</source>
        <translation>Bu parametrləri bağla</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Start screen</source>
        <translation>Başlanğıc ekranı</translation>
    </message>
    <message>
        <source>Touch anywhere to begin</source>
        <translation>Başlamaq üçün istənilən yerə toxunun</translation>
    </message>
    <message>
        <source>Touch the screen to begin</source>
        <translation>Başlamaq üçün ekrana toxunun</translation>
    </message>
    <message>
        <source>Text size, contrast and motion</source>
        <translation>Mətn ölçüsü, kontrast və hərəkət</translation>
    </message>
    <message>
        <source>Larger text, high contrast or less motion</source>
        <translation>Daha böyük mətn, yüksək kontrast və ya az hərəkət</translation>
    </message>
</context>
<context>
    <name>ContentDesk</name>
    <message>
        <source>Checking...</source>
        <translation>Yoxlanılır...</translation>
    </message>
    <message>
        <source>Working...</source>
        <translation>İcra olunur...</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>the last good version stays on screen</source>
        <translation>son düzgün versiya ekranda qalır</translation>
    </message>
    <message>
        <source>nothing can be shown until they are fixed</source>
        <translation>onlar düzəldilənədək heç nə göstərilə bilməz</translation>
    </message>
    <message>
        <source>the content is shown</source>
        <translation>məzmun göstərilir</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n xəta</numerusform>
            <numerusform>%n xəta</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n xəbərdarlıq</numerusform>
            <numerusform>%n xəbərdarlıq</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>... and %n more</source>
        <translation>
            <numerusform>... və daha %n</numerusform>
            <numerusform>... və daha %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Statement</source>
        <translation>Bəyanat</translation>
    </message>
    <message>
        <source>The full text</source>
        <translation>Tam mətn</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Xronologiya</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>%1-dən %2-dək</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Rəqəmlər</translation>
    </message>
    <message>
        <source>Killed, injured, missing</source>
        <translation>Həlak olanlar, yaralananlar, itkin düşənlər</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Still there?</source>
        <translation>Hələ buradasınız?</translation>
    </message>
    <message>
        <source>Touch anywhere to keep your choices. Otherwise the exhibit starts afresh for the next visitor.</source>
        <translation>Seçimlərinizi saxlamaq üçün istənilən yerə toxunun. Əks halda ekspozisiya növbəti ziyarətçi üçün yenidən başlayacaq.</translation>
    </message>
    <message>
        <source>Touch anywhere to keep reading. Otherwise the exhibit returns to the start.</source>
        <translation>Oxumağa davam etmək üçün istənilən yerə toxunun. Əks halda ekspozisiya başlanğıca qayıdacaq.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Davam et</translation>
    </message>
    <message>
        <source>Stay on this screen</source>
        <translation>Bu ekranda qal</translation>
    </message>
    <message>
        <source>Seconds until the exhibit starts afresh</source>
        <translation>Ekspozisiyanın yenidən başlamasına qalan saniyələr</translation>
    </message>
    <message>
        <source>Seconds until the exhibit returns to the start</source>
        <translation>Ekspozisiyanın başlanğıca qayıtmasına qalan saniyələr</translation>
    </message>
</context>
<context>
    <name>LanguageNames</name>
    <message>
        <source>English</source>
        <translation>İngilis dilində</translation>
    </message>
    <message>
        <source>Azerbaijani</source>
        <translation>Azərbaycan dilində</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Rus dilində</translation>
    </message>
    <message>
        <source>Shown in %1</source>
        <translation>%1 göstərilir</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <source>Choose the language</source>
        <translation>Dili seçin</translation>
    </message>
</context>
<context>
    <name>NavigationBar</name>
    <message>
        <source>Back</source>
        <translation>Geri</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Ana səhifə</translation>
    </message>
    <message>
        <source>Return to the previous screen</source>
        <translation>Əvvəlki ekrana qayıt</translation>
    </message>
    <message>
        <source>Return to the three choices</source>
        <translation>Üç seçimə qayıt</translation>
    </message>
    <message>
        <source>Text size, contrast and motion</source>
        <translation>Mətn ölçüsü, kontrast və hərəkət</translation>
    </message>
    <message>
        <source>Larger text, high contrast or less motion</source>
        <translation>Daha böyük mətn, yüksək kontrast və ya az hərəkət</translation>
    </message>
</context>
<context>
    <name>OutOfOrder</name>
    <message>
        <source>This exhibit is resting. Please come back later.</source>
        <translation>Bu ekspozisiya hazırda işləmir. Zəhmət olmasa, sonra yenidən gəlin.</translation>
    </message>
</context>
<context>
    <name>PinEntry</name>
    <message>
        <source>No staff PIN is set. On this machine, run: kiosk staff set-pin</source>
        <translation>İşçi PIN kodu təyin edilməyib. Bu kompüterdə icra edin: kiosk staff set-pin</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1 s.</source>
        <translation>Çox sayda yanlış PIN. %1 saniyədən sonra yenidən cəhd edin.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Yanlış PIN.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff PIN</source>
        <translation>İşçi PIN kodu</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Təsdiq</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İmtina</translation>
    </message>
</context>
<context>
    <name>ProblemWords</name>
    <message>
        <source>The data folder %1 cannot be written (%2): visit counts, the health report and the record of wrong PINs are not saved.</source>
        <translation>Məlumat qovluğuna %1 yazmaq mümkün deyil (%2): ziyarət sayları, sağlamlıq hesabatı və səhv PIN-lərin qeydi saxlanmır.</translation>
    </message>
    <message>
        <source>The log folder %1 cannot be written (%2): the log goes to the journal only.</source>
        <translation>Jurnal qovluğuna %1 yazmaq mümkün deyil (%2): jurnal yalnız sistem jurnalına gedir.</translation>
    </message>
    <message>
        <source>Visit counts are off for this run: %1.</source>
        <translation>Ziyarət sayları bu iş müddətində söndürülüb: %1.</translation>
    </message>
    <message>
        <source>Content version changed since it was installed, so it is not shown: %1.</source>
        <translation>Məzmun versiyası quraşdırıldıqdan sonra dəyişdirilib, ona görə göstərilmir: %1.</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>disk yalnız oxumaq üçündür</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>disk doludur</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>icazə yoxdur</translation>
    </message>
</context>
<context>
    <name>SourceBlock</name>
    <message>
        <source>From the Statement</source>
        <translation>Bəyanatdan</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Staff</source>
        <translation>İşçi</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Kilidlə</translation>
    </message>
    <message>
        <source>CONTENT</source>
        <translation>MƏZMUN</translation>
    </message>
    <message>
        <source>Check content now</source>
        <translation>Məzmunu indi yoxla</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Geri qaytar</translation>
    </message>
    <message>
        <source>Return to the factory exhibit</source>
        <translation>İlkin ekspozisiyaya qayıt</translation>
    </message>
    <message>
        <source>CONTENT PACKS FOUND</source>
        <translation>TAPILAN MƏZMUN PAKETLƏRİ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İmtina</translation>
    </message>
    <message>
        <source>No .kioskpack files in the watched folders.</source>
        <translation>İzlənən qovluqlarda .kioskpack faylı yoxdur.</translation>
    </message>
    <message>
        <source>Today, per hour (UTC)</source>
        <translation>Bu gün, saatlar üzrə (UTC)</translation>
    </message>
    <message>
        <source>The last seven days</source>
        <translation>Son yeddi gün</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>adsız</translation>
    </message>
    <message>
        <source>the factory exhibit &apos;%1&apos;</source>
        <translation>ilkin ekspozisiya «%1»</translation>
    </message>
    <message>
        <source>made %1</source>
        <translation>hazırlanıb: %1</translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation>Göstərilir: %1</translation>
    </message>
    <message>
        <source>installed %1</source>
        <translation>quraşdırılıb: %1</translation>
    </message>
    <message>
        <source>signed by key %1</source>
        <translation>%1 açarı ilə imzalanıb</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>imzasız</translation>
    </message>
    <message>
        <source>%1 - showing now</source>
        <translation>%1 — indi göstərilir</translation>
    </message>
    <message>
        <source>  Changed since it was installed, so it is not shown: %1. Install its pack again to repair it.</source>
        <translation>  Quraşdırıldıqdan sonra dəyişdirilib, ona görə göstərilmir: %1. Düzəltmək üçün onun paketini yenidən quraşdırın.</translation>
    </message>
    <message>
        <source>Last check: %1, %2</source>
        <translation>Son yoxlama: %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n xəta</numerusform>
            <numerusform>%n xəta</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n xəbərdarlıq</numerusform>
            <numerusform>%n xəbərdarlıq</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked: %n error(s). Visitors keep seeing the last good content.</source>
        <translation>
            <numerusform>Yoxlanıldı: %n xəta. Ziyarətçilər son düzgün məzmunu görməyə davam edir.</numerusform>
            <numerusform>Yoxlanıldı: %n xəta. Ziyarətçilər son düzgün məzmunu görməyə davam edir.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked: no errors, %n warning(s).</source>
        <translation>
            <numerusform>Yoxlanıldı: xəta yoxdur, %n xəbərdarlıq.</numerusform>
            <numerusform>Yoxlanıldı: xəta yoxdur, %n xəbərdarlıq.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checked: no errors, no warnings.</source>
        <translation>Yoxlanıldı: xəta və xəbərdarlıq yoxdur.</translation>
    </message>
    <message>
        <source>Installed. Visitors see it from the next start screen.</source>
        <translation>Quraşdırıldı. Ziyarətçilər onu növbəti başlanğıc ekranından görəcək.</translation>
    </message>
    <message>
        <source>This pack was installed already; it was checked again and is the one shown from the next start screen.</source>
        <translation>Bu paket artıq quraşdırılmışdı; yenidən yoxlanıldı və növbəti başlanğıc ekranından göstəriləcək.</translation>
    </message>
    <message>
        <source>Done. Visitors see %1 from the next start screen.</source>
        <translation>Hazırdır. Növbəti başlanğıc ekranından göstəriləcək: %1.</translation>
    </message>
    <message>
        <source>Refused: this pack is not signed by a key this kiosk trusts.</source>
        <translation>Rədd edildi: bu paket bu kioskun etibar etdiyi açarla imzalanmayıb.</translation>
    </message>
    <message>
        <source>Refused: this pack is older than what this kiosk has. Nothing was changed.</source>
        <translation>Rədd edildi: bu paket kioskdakı məzmundan köhnədir. Heç nə dəyişdirilmədi.</translation>
    </message>
    <message>
        <source>Refused: the pack file is damaged. Copy it onto the stick again.</source>
        <translation>Rədd edildi: paket faylı zədələnib. Onu USB yaddaşa yenidən köçürün.</translation>
    </message>
    <message>
        <source>Refused: the exhibit in this pack has mistakes. Nothing was changed.</source>
        <translation>Rədd edildi: bu paketdəki ekspozisiyada səhvlər var. Heç nə dəyişdirilmədi.</translation>
    </message>
    <message>
        <source>Not done: the kiosk&apos;s disk is full.</source>
        <translation>Edilmədi: kioskun diski doludur.</translation>
    </message>
    <message>
        <source>Not done: the kiosk&apos;s disk cannot be written.</source>
        <translation>Edilmədi: kioskun diskinə yazmaq mümkün deyil.</translation>
    </message>
    <message>
        <source>Nothing to roll back to.</source>
        <translation>Geri qaytarmaq üçün heç nə yoxdur.</translation>
    </message>
    <message>
        <source>Not done. Nothing was changed.</source>
        <translation>Edilmədi. Heç nə dəyişdirilmədi.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Təfərrüatlar: %1</translation>
    </message>
    <message>
        <source>%1 was made %2, before the content this kiosk has (made %3). Install the older pack anyway?</source>
        <translation>%1 %2 tarixində hazırlanıb, bu kioskdakı məzmundan (hazırlanıb: %3) əvvəl. Köhnə paket yenə də quraşdırılsın?</translation>
    </message>
    <message>
        <source>Install the older pack</source>
        <translation>Köhnə paketi quraşdır</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Problemlər:</translation>
    </message>
    <message>
        <source>Roll back: show %1?</source>
        <translation>Geri qaytarılsın? Göstəriləcək: %1.</translation>
    </message>
    <message>
        <source>Show %1, bundled with the kiosk?</source>
        <translation>Kiosk ilə gələn məzmun göstərilsin: %1?</translation>
    </message>
    <message>
        <source>STATION CONFIGURATION</source>
        <translation>STANSİYA PARAMETRLƏRİ</translation>
    </message>
    <message>
        <source>STATION</source>
        <translation>STANSİYA</translation>
    </message>
    <message>
        <source>VISITS</source>
        <translation>ZİYARƏTLƏR</translation>
    </message>
    <message>
        <source>Export the counts to the USB stick</source>
        <translation>Sayları USB yaddaşa köçür</translation>
    </message>
    <message>
        <source>Test pattern</source>
        <translation>Test təsviri</translation>
    </message>
    <message>
        <source>Out of order</source>
        <translation>Xidmətdən kənar</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Yenidən başlat</translation>
    </message>
    <message>
        <source>Exit to the desktop</source>
        <translation>İş masasına çıx</translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation>Problem yoxdur.</translation>
    </message>
    <message>
        <source>Safe defaults are used where the configuration is wrong:</source>
        <translation>Parametrlərin səhv olduğu yerlərdə təhlükəsiz standart dəyərlər istifadə olunur:</translation>
    </message>
    <message>
        <source>%1: showing now
%2</source>
        <translation>%1: indi göstərilir
%2</translation>
    </message>
    <message>
        <source>%1: installed already
%2</source>
        <translation>%1: artıq quraşdırılıb
%2</translation>
    </message>
    <message>
        <source>Install the older %1
%2</source>
        <translation>Köhnə %1 paketini quraşdır
%2</translation>
    </message>
    <message>
        <source>Install %1
%2</source>
        <translation>%1 quraşdır
%2</translation>
    </message>
    <message>
        <source>Install %1? It is checked first; visitors see it from the next start screen.</source>
        <translation>%1 quraşdırılsın? Əvvəlcə yoxlanılır; ziyarətçilər onu növbəti başlanğıc ekranından görəcək.</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Quraşdır</translation>
    </message>
    <message>
        <source>Restart the kiosk now?</source>
        <translation>Kiosk indi yenidən başladılsın?</translation>
    </message>
    <message>
        <source>Leave the exhibit for the desktop? Visitors will see the desktop.</source>
        <translation>Ekspozisiyadan iş masasına çıxılsın? Ziyarətçilər iş masasını görəcək.</translation>
    </message>
</context>
<context>
    <name>StatementScreen</name>
    <message>
        <source>The Statement</source>
        <translation>Bəyanat</translation>
    </message>
    <message>
        <source>Slide a finger up or down to read</source>
        <translation>Oxumaq üçün barmağınızı yuxarı və ya aşağı sürüşdürün</translation>
    </message>
</context>
<context>
    <name>StationDesk</name>
    <message numerus="yes">
        <source>uptime %1 h %2 min; starts %n</source>
        <translation>
            <numerusform>iş vaxtı %1 saat %2 dəq; %n başlanğıc</numerusform>
            <numerusform>iş vaxtı %1 saat %2 dəq; %n başlanğıc</numerusform>
        </translation>
    </message>
    <message>
        <source>uptime %1 h %2 min</source>
        <translation>iş vaxtı %1 saat %2 dəq</translation>
    </message>
    <message>
        <source>memory %1 MiB; content %2</source>
        <translation>yaddaş %1 MiB; məzmun %2</translation>
    </message>
    <message>
        <source>kiosk %1, Qt %2, PySide6 %3</source>
        <translation>kiosk %1, Qt %2, PySide6 %3</translation>
    </message>
    <message>
        <source>last error: %1</source>
        <translation>son xəta: %1</translation>
    </message>
</context>
<context>
    <name>TestPattern</name>
    <message>
        <source>Close the test pattern</source>
        <translation>Test təsvirini bağla</translation>
    </message>
    <message>
        <source>Back to the staff panel</source>
        <translation>İşçi panelinə qayıt</translation>
    </message>
</context>
<context>
    <name>TimelineScreen</name>
    <message>
        <source>Previous moment</source>
        <translation>Əvvəlki an</translation>
    </message>
    <message>
        <source>Next moment</source>
        <translation>Növbəti an</translation>
    </message>
    <message>
        <source>Show the earlier moment</source>
        <translation>Daha əvvəlki anı göstər</translation>
    </message>
    <message>
        <source>Show the later moment</source>
        <translation>Daha sonrakı anı göstər</translation>
    </message>
</context>
<context>
    <name>VisitsDesk</name>
    <message>
        <source>No visits counted yet.</source>
        <translation>Hələ ziyarət sayılmayıb.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>yoxdur</translation>
    </message>
    <message>
        <source>Visits today (UTC): %1</source>
        <translation>Bu gün ziyarətlər (UTC): %1</translation>
    </message>
    <message numerus="yes">
        <source>Visits, last %n day(s): %1</source>
        <translation>
            <numerusform>Ziyarətlər, son %n gün: %1</numerusform>
            <numerusform>Ziyarətlər, son %n gün: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Screens viewed, last %n day(s): %1</source>
        <translation>
            <numerusform>Baxılan ekranlar, son %n gün: %1</numerusform>
            <numerusform>Baxılan ekranlar, son %n gün: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Languages chosen, last %n day(s): %1</source>
        <translation>
            <numerusform>Seçilən dillər, son %n gün: %1</numerusform>
            <numerusform>Seçilən dillər, son %n gün: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading aids chosen, last %n day(s): %1</source>
        <translation>
            <numerusform>Seçilən oxu vasitələri, son %n gün: %1</numerusform>
            <numerusform>Seçilən oxu vasitələri, son %n gün: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Visit lengths, last %n day(s): %1</source>
        <translation>
            <numerusform>Ziyarət müddətləri, son %n gün: %1</numerusform>
            <numerusform>Ziyarət müddətləri, son %n gün: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Idle resets, last %n day(s): %1</source>
        <translation>
            <numerusform>Fəaliyyətsizlikdən sıfırlamalar, son %n gün: %1</numerusform>
            <numerusform>Fəaliyyətsizlikdən sıfırlamalar, son %n gün: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No USB stick or watched folder is present.</source>
        <translation>USB yaddaş və ya izlənən qovluq yoxdur.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saxlanıldı: %1</translation>
    </message>
</context>
</TS>
