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
    <name>ChannelLines</name>
    <message>
        <source>installed a new version</source>
        <translation>yeni versiya quraşdırıldı</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>aktualdır</translation>
    </message>
    <message>
        <source>a new version is waiting for its date</source>
        <translation>yeni versiya öz tarixini gözləyir</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>rədd edildi</translation>
    </message>
    <message>
        <source>the channel could not be reached</source>
        <translation>kanala qoşulmaq mümkün olmadı</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>alınmadı</translation>
    </message>
    <message>
        <source>Content channel: none</source>
        <translation>Məzmun kanalı: yoxdur</translation>
    </message>
    <message>
        <source>Content channel: %1</source>
        <translation>Məzmun kanalı: %1</translation>
    </message>
    <message>
        <source>Installed from the channel: nothing yet</source>
        <translation>Kanaldan quraşdırılan: hələ heç nə</translation>
    </message>
    <message>
        <source>Installed from the channel: sequence %1 (%2)</source>
        <translation>Kanaldan quraşdırılan: sıra nömrəsi %1 (%2)</translation>
    </message>
    <message>
        <source>Last channel check: never</source>
        <translation>Kanalın son yoxlanışı: heç vaxt</translation>
    </message>
    <message>
        <source>Last channel check: %1, %2</source>
        <translation>Kanalın son yoxlanışı: %1, %2</translation>
    </message>
    <message>
        <source>Waiting: sequence %1, shown from %2</source>
        <translation>Gözləyir: sıra nömrəsi %1, %2 tarixindən göstəriləcək</translation>
    </message>
    <message numerus="yes">
        <source>Last channel error (%n failed check(s) in a row): %1</source>
        <translation>
            <numerusform>Kanalın son xətası (ardıcıl %n uğursuz yoxlama): %1</numerusform>
            <numerusform>Kanalın son xətası (ardıcıl %n uğursuz yoxlama): %1</numerusform>
        </translation>
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
    <name>FindingsView</name>
    <message>
        <source>Summary of the findings</source>
        <translation>Qeydlərin xülasəsi</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Qeydlər</translation>
    </message>
    <message>
        <source>Choose a finding to go to its field (Enter or a click)</source>
        <translation>Sahəsinə keçmək üçün qeydi seçin (Enter və ya klik)</translation>
    </message>
    <message>
        <source>No findings: the exhibit is ready to publish.</source>
        <translation>Qeyd yoxdur: sərgi dərc olunmağa hazırdır.</translation>
    </message>
    <message>
        <source>%1 errors, %2 warnings: fix the errors before publishing.</source>
        <translation>%1 xəta, %2 xəbərdarlıq: dərcdən əvvəl xətaları düzəldin.</translation>
    </message>
    <message>
        <source>%1 warnings: the exhibit can be published.</source>
        <translation>%1 xəbərdarlıq: sərgi dərc oluna bilər.</translation>
    </message>
    <message>
        <source>error</source>
        <translation>xəta</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>xəbərdarlıq</translation>
    </message>
</context>
<context>
    <name>FormField</name>
    <message>
        <source>Seconds before &apos;Still there?&apos;</source>
        <translation>«Hələ buradasınız?» sualına qədər saniyələr</translation>
    </message>
    <message>
        <source>Seconds of the countdown</source>
        <translation>Geri sayımın saniyələri</translation>
    </message>
    <message>
        <source>Reduce motion</source>
        <translation>Hərəkəti azalt</translation>
    </message>
    <message>
        <source>No ambient light, no transitions</source>
        <translation>Fon işığı və keçidlər olmadan</translation>
    </message>
    <message>
        <source>Background colour</source>
        <translation>Fon rəngi</translation>
    </message>
    <message>
        <source>Surface colour</source>
        <translation>Səth rəngi</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Mətn rəngi</translation>
    </message>
    <message>
        <source>Muted text colour</source>
        <translation>İkinci dərəcəli mətn rəngi</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>Vurğu rəngi</translation>
    </message>
    <message>
        <source>Title text size</source>
        <translation>Başlıq mətninin ölçüsü</translation>
    </message>
    <message>
        <source>Heading text size</source>
        <translation>Başlıqların ölçüsü</translation>
    </message>
    <message>
        <source>Reading text size</source>
        <translation>Əsas mətnin ölçüsü</translation>
    </message>
    <message>
        <source>Small print size</source>
        <translation>Xırda mətnin ölçüsü</translation>
    </message>
    <message>
        <source>Figure number size</source>
        <translation>Rəqəmlərin ölçüsü</translation>
    </message>
    <message>
        <source>Main button size (mm)</source>
        <translation>Əsas düymələrin ölçüsü (mm)</translation>
    </message>
    <message>
        <source>Smallest button size (mm)</source>
        <translation>Ən kiçik düymə ölçüsü (mm)</translation>
    </message>
    <message>
        <source>Screen pixels per millimetre</source>
        <translation>Millimetrdə ekran pikselləri</translation>
    </message>
    <message>
        <source>Date as written</source>
        <translation>Yazıldığı kimi tarix</translation>
    </message>
    <message>
        <source>Picture of the moment</source>
        <translation>Hadisənin şəkli</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Başlıq</translation>
    </message>
    <message>
        <source>The exhibit&apos;s title, on the start and home screens.</source>
        <translation>Sərginin adı, başlanğıc və ana ekranlarda.</translation>
    </message>
    <message>
        <source>Default language</source>
        <translation>Əsas dil</translation>
    </message>
    <message>
        <source>The language a visit starts in.</source>
        <translation>Ziyarətin başladığı dil.</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Dillər</translation>
    </message>
    <message>
        <source>Languages offered.</source>
        <translation>Təklif olunan dillər.</translation>
    </message>
    <message>
        <source>Seconds without input before &apos;Still there?&apos;.</source>
        <translation>«Hələ buradasınız?» sualından əvvəl toxunuşsuz keçən saniyələr.</translation>
    </message>
    <message>
        <source>Countdown seconds; WCAG 2.2.1 asks at least 20.</source>
        <translation>Geri sayımın saniyələri; WCAG 2.2.1 ən azı 20 tələb edir.</translation>
    </message>
    <message>
        <source>The background colour, like &quot;#1A1A1A&quot;.</source>
        <translation>Fon rəngi, məsələn, &quot;#1A1A1A&quot;.</translation>
    </message>
    <message>
        <source>The surface colour, like &quot;#1A1A1A&quot;.</source>
        <translation>Səth rəngi, məsələn, &quot;#1A1A1A&quot;.</translation>
    </message>
    <message>
        <source>The text colour, like &quot;#1A1A1A&quot;.</source>
        <translation>Mətn rəngi, məsələn, &quot;#1A1A1A&quot;.</translation>
    </message>
    <message>
        <source>The muted colour, like &quot;#1A1A1A&quot;.</source>
        <translation>İkinci dərəcəli rəng, məsələn, &quot;#1A1A1A&quot;.</translation>
    </message>
    <message>
        <source>The accent colour, like &quot;#1A1A1A&quot;.</source>
        <translation>Vurğu rəngi, məsələn, &quot;#1A1A1A&quot;.</translation>
    </message>
    <message>
        <source>The start screen&apos;s title.</source>
        <translation>Başlanğıc ekranının başlığı.</translation>
    </message>
    <message>
        <source>Headings and large choices.</source>
        <translation>Başlıqlar və böyük seçimlər.</translation>
    </message>
    <message>
        <source>Reading text.</source>
        <translation>Oxunan mətn.</translation>
    </message>
    <message>
        <source>Small print: sources, buttons.</source>
        <translation>Xırda mətn: mənbələr, düymələr.</translation>
    </message>
    <message>
        <source>The casualty figures&apos; numbers.</source>
        <translation>İtkilərə dair rəqəmlər.</translation>
    </message>
    <message>
        <source>Smallest side of main buttons, in millimetres.</source>
        <translation>Əsas düymələrin ən kiçik tərəfi, millimetrlə.</translation>
    </message>
    <message>
        <source>Smallest side of any button, in millimetres.</source>
        <translation>İstənilən düymənin ən kiçik tərəfi, millimetrlə.</translation>
    </message>
    <message>
        <source>Pixels per millimetre, or auto.</source>
        <translation>Millimetrdə piksel sayı və ya auto.</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Başlıq</translation>
    </message>
    <message>
        <source>The heading, e.g. STATEMENT.</source>
        <translation>Başlıq, məsələn, BƏYANAT.</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>Alt başlıq</translation>
    </message>
    <message>
        <source>The line under the heading.</source>
        <translation>Başlığın altındakı sətir.</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Bəyanatı verən</translation>
    </message>
    <message>
        <source>Who issued the statement.</source>
        <translation>Bəyanatı kim verib.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tarix</translation>
    </message>
    <message>
        <source>The date of issue, as 2026-01-20.</source>
        <translation>Verilmə tarixi, məsələn, 2026-01-20.</translation>
    </message>
    <message>
        <source>The date of issue as printed.</source>
        <translation>Çap olunduğu kimi verilmə tarixi.</translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation>Abzaslar</translation>
    </message>
    <message>
        <source>The paragraphs.</source>
        <translation>Abzaslar.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>İdentifikator</translation>
    </message>
    <message>
        <source>A short unique name; also the rendered image&apos;s name.</source>
        <translation>Qısa, təkrarolunmaz ad; həm də hazırlanan təsvirin adı.</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>İl</translation>
    </message>
    <message>
        <source>The year on the timeline&apos;s rail.</source>
        <translation>Xronologiya xəttindəki il.</translation>
    </message>
    <message>
        <source>The date as shown.</source>
        <translation>Göstərildiyi kimi tarix.</translation>
    </message>
    <message>
        <source>A short title, in the statement&apos;s words.</source>
        <translation>Bəyanatın sözləri ilə qısa başlıq.</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>İzahat</translation>
    </message>
    <message>
        <source>A caption built only from the statement&apos;s words.</source>
        <translation>Yalnız bəyanatın sözlərindən qurulan izahat.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Mənbə</translation>
    </message>
    <message>
        <source>The statement&apos;s sentence this moment rests on, verbatim.</source>
        <translation>Bu hadisənin əsaslandığı bəyanat cümləsi, hərfi-hərfinə.</translation>
    </message>
    <message>
        <source>A PNG, JPEG or WebP file in the content folder.</source>
        <translation>Məzmun qovluğunda PNG, JPEG və ya WebP faylı.</translation>
    </message>
    <message>
        <source>A short unique name.</source>
        <translation>Qısa, təkrarolunmaz ad.</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Dəyər</translation>
    </message>
    <message>
        <source>The number, as the statement gives it.</source>
        <translation>Bəyanatda verildiyi kimi rəqəm.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Yazı</translation>
    </message>
    <message>
        <source>What the number counts, in the statement&apos;s words.</source>
        <translation>Rəqəmin nəyi saydığı, bəyanatın sözləri ilə.</translation>
    </message>
    <message>
        <source>The statement&apos;s sentence the number comes from.</source>
        <translation>Rəqəmin götürüldüyü bəyanat cümləsi.</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <source>Form of the selected item</source>
        <translation>Seçilmiş elementin forması</translation>
    </message>
    <message>
        <source>Choose an item in the outline to edit it.</source>
        <translation>Redaktə etmək üçün strukturda element seçin.</translation>
    </message>
    <message>
        <source>Unlock to change the issued text...</source>
        <translation>Rəsmi mətnin kilidini aç...</translation>
    </message>
    <message>
        <source>Unlock to change the issued text</source>
        <translation>Rəsmi mətnin kilidini aç</translation>
    </message>
    <message>
        <source>Explains the seal first; the texts stay editable until the studio closes.</source>
        <translation>Əvvəlcə möhürün mənasını izah edir; mətnlər studiya bağlanana qədər redaktə oluna bilər.</translation>
    </message>
    <message>
        <source>Issued text — unlocked for this session. When you save, the changed words are shown and sealed only if you confirm.</source>
        <translation>Rəsmi mətn — bu seans üçün kilidi açılıb. Saxladıqda dəyişən sözlər göstəriləcək və yalnız siz təsdiq etsəniz möhürlənəcək.</translation>
    </message>
    <message>
        <source>Issued text — sealed: the statement&apos;s words are read-only.</source>
        <translation>Rəsmi mətn — möhürlənib: bəyanatın sözləri yalnız oxumaq üçündür.</translation>
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
        <translation>Seçimlərinizi saxlamaq üçün istənilən yerə toxunun. Əks halda sərgi növbəti ziyarətçi üçün yenidən başlayacaq.</translation>
    </message>
    <message>
        <source>Touch anywhere to keep reading. Otherwise the exhibit returns to the start.</source>
        <translation>Oxumağa davam etmək üçün istənilən yerə toxunun. Əks halda sərgi başlanğıca qayıdacaq.</translation>
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
        <translation>Sərginin yenidən başlamasına qalan saniyələr</translation>
    </message>
    <message>
        <source>Seconds until the exhibit returns to the start</source>
        <translation>Sərginin başlanğıca qayıtmasına qalan saniyələr</translation>
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
    <name>LineEditor</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>İİİİ-AA-GG</translation>
    </message>
    <message>
        <source>no colour</source>
        <translation>rəng yoxdur</translation>
    </message>
    <message>
        <source>%1 swatch</source>
        <translation>%1: nümunə</translation>
    </message>
</context>
<context>
    <name>ListenButton</name>
    <message>
        <source>Pause</source>
        <translation>Fasilə</translation>
    </message>
    <message>
        <source>Stop reading aloud for now</source>
        <translation>Səsli oxunu hələlik dayandır</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Dinlə</translation>
    </message>
    <message>
        <source>Read this screen aloud</source>
        <translation>Bu ekranı səsli oxu</translation>
    </message>
</context>
<context>
    <name>ListenDesk</name>
    <message>
        <source>Help. The arrow keys move between the controls; the 5 key presses the one you are on. 7 goes to the three choices, 1 goes back. 0 reads the screen aloud or pauses; while it reads, the star and slash keys go to the next or previous part. Plus and minus make it louder or softer.</source>
        <translation>Kömək. Ox düymələri idarəetmə elementləri arasında keçid edir; 5 düyməsi üzərində olduğunuz elementi basır. 7 üç seçimə aparır, 1 geri qaytarır. 0 ekranı səsli oxuyur və ya fasilə verir; oxunarkən ulduz və kəsr xətti düymələri növbəti və ya əvvəlki hissəyə keçir. Üstəgəl və çıx düymələri səsi artırır və ya azaldır.</translation>
    </message>
    <message>
        <source>Still there? Press any key to go on. Otherwise the exhibit returns to the start.</source>
        <translation>Hələ buradasınız? Davam etmək üçün istənilən düyməni basın. Əks halda sərgi başlanğıca qayıdacaq.</translation>
    </message>
    <message>
        <source>Volume changed</source>
        <translation>Səs səviyyəsi dəyişdi</translation>
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
    <name>Notice</name>
    <message>
        <source>Error</source>
        <translation>Xəta</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Xəbərdarlıq</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Tövsiyə</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <source>Not set</source>
        <translation>Təyin edilməyib</translation>
    </message>
</context>
<context>
    <name>OutOfOrder</name>
    <message>
        <source>This exhibit is resting. Please come back later.</source>
        <translation>Bu sərgi hazırda işləmir. Zəhmət olmasa, sonra yenidən gəlin.</translation>
    </message>
</context>
<context>
    <name>OutlineView</name>
    <message>
        <source>Exhibit settings</source>
        <translation>Sərginin parametrləri</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Bəyanat</translation>
    </message>
    <message>
        <source>Outline of the exhibit</source>
        <translation>Sərginin strukturu</translation>
    </message>
    <message>
        <source>Alt+Up and Alt+Down move a moment or figure, Insert adds one, Delete removes it</source>
        <translation>Alt+Up və Alt+Down hadisənin və ya rəqəmin yerini dəyişir, Insert yenisini əlavə edir, Delete silir</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Əlavə et</translation>
    </message>
    <message>
        <source>Add a moment or figure</source>
        <translation>Hadisə və ya rəqəm əlavə et</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>Remove the selected moment or figure</source>
        <translation>Seçilmiş hadisəni və ya rəqəmi sil</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Yuxarı</translation>
    </message>
    <message>
        <source>Move the selection up</source>
        <translation>Seçilmişi yuxarı apar</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Aşağı</translation>
    </message>
    <message>
        <source>Move the selection down</source>
        <translation>Seçilmişi aşağı apar</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Xronologiya</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Rəqəmlər</translation>
    </message>
    <message>
        <source>%1: could not be read</source>
        <translation>%1: oxumaq mümkün olmadı</translation>
    </message>
</context>
<context>
    <name>ParagraphsEditor</name>
    <message>
        <source>Paragraph %1</source>
        <translation>Abzas %1</translation>
    </message>
</context>
<context>
    <name>PictureField</name>
    <message>
        <source>Choose a picture</source>
        <translation>Şəkil seçin</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.webp);;All files (*)</source>
        <translation>Şəkillər (*.png *.jpg *.jpeg *.webp);;Bütün fayllar (*)</translation>
    </message>
    <message>
        <source>Choose picture...</source>
        <translation>Şəkil seç...</translation>
    </message>
    <message>
        <source>Choose picture for %1</source>
        <translation>%1 üçün şəkil seç</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>Şəkli sil</translation>
    </message>
    <message>
        <source>Remove picture from %1</source>
        <translation>%1: şəkli sil</translation>
    </message>
    <message>
        <source>The file stays in the content folder.</source>
        <translation>Fayl məzmun qovluğunda qalır.</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Şəkil yoxdur</translation>
    </message>
    <message>
        <source>No preview (see the findings)</source>
        <translation>Önizləmə yoxdur (qeydlərə baxın)</translation>
    </message>
    <message>
        <source>%1

Add it all the same?</source>
        <translation>%1

Yenə də əlavə edilsin?</translation>
    </message>
    <message>
        <source>A large picture</source>
        <translation>Böyük şəkil</translation>
    </message>
    <message>
        <source>Checking the picture</source>
        <translation>Şəkil yoxlanılır</translation>
    </message>
    <message>
        <source>Checking &apos;%1&apos; as kiosk validate does...</source>
        <translation>&apos;%1&apos; kiosk validate kimi yoxlanılır...</translation>
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
    <name>PreviewPane</name>
    <message>
        <source>The preview could not be drawn (the reason is in the log). It shows the last picture; the next change tries again.</source>
        <translation>Önizləməni çəkmək mümkün olmadı (səbəbi jurnaldadır). Son şəkil göstərilir; növbəti dəyişiklikdə yenidən cəhd ediləcək.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Önizləmə</translation>
    </message>
    <message>
        <source>Screen size:</source>
        <translation>Ekran ölçüsü:</translation>
    </message>
    <message>
        <source>Screen size of the preview</source>
        <translation>Önizləmənin ekran ölçüsü</translation>
    </message>
    <message>
        <source>portrait</source>
        <translation>şaquli</translation>
    </message>
    <message>
        <source>landscape</source>
        <translation>üfüqi</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Dil:</translation>
    </message>
    <message>
        <source>Language of the preview</source>
        <translation>Önizləmənin dili</translation>
    </message>
    <message>
        <source>The kiosk screen as visitors will see it</source>
        <translation>Kiosk ekranı ziyarətçilərin görəcəyi kimi</translation>
    </message>
    <message>
        <source>The preview appears here once the exhibit can be read.</source>
        <translation>Sərgi oxuna bildikdə önizləmə burada görünəcək.</translation>
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
    <name>PublishDialog</name>
    <message>
        <source>Choose the signing key</source>
        <translation>İmza açarını seç</translation>
    </message>
    <message>
        <source>Private keys (*.key);;All files (*)</source>
        <translation>Gizli açarlar (*.key);;Bütün fayllar (*)</translation>
    </message>
    <message>
        <source>Make a signing key pair</source>
        <translation>İmza açarı cütü yarat</translation>
    </message>
    <message>
        <source>Private keys (*.key)</source>
        <translation>Gizli açarlar (*.key)</translation>
    </message>
    <message>
        <source>Choose the folder or USB stick for the pack</source>
        <translation>Paket üçün qovluğu və ya USB yaddaşı seç</translation>
    </message>
    <message>
        <source>Publish the exhibit</source>
        <translation>Sərgini dərc et</translation>
    </message>
    <message>
        <source>Publishing checks this folder, packs it into one file, signs the file with your key and writes it to the folder you choose (a USB stick), then checks the written file as a kiosk will.</source>
        <translation>Dərc zamanı bu qovluq yoxlanılır, bir fayla yığılır, fayl açarınızla imzalanır və seçdiyiniz qovluğa (USB yaddaşa) yazılır, sonra yazılmış fayl kioskun yoxlayacağı kimi yoxlanılır.</translation>
    </message>
    <message>
        <source>Signing key:</source>
        <translation>İmza açarı:</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>İmza açarı</translation>
    </message>
    <message>
        <source>Change key...</source>
        <translation>Açarı dəyiş...</translation>
    </message>
    <message>
        <source>Change the signing key</source>
        <translation>İmza açarını dəyiş</translation>
    </message>
    <message>
        <source>New key...</source>
        <translation>Yeni açar...</translation>
    </message>
    <message>
        <source>Make a new signing key pair</source>
        <translation>Yeni imza açarı cütü yarat</translation>
    </message>
    <message>
        <source>About the signing key</source>
        <translation>İmza açarı haqqında</translation>
    </message>
    <message>
        <source>Write to:</source>
        <translation>Harada yazılsın:</translation>
    </message>
    <message>
        <source>Folder or USB stick for the pack</source>
        <translation>Paket üçün qovluq və ya USB yaddaş</translation>
    </message>
    <message>
        <source>Choose folder...</source>
        <translation>Qovluq seç...</translation>
    </message>
    <message>
        <source>Choose the folder for the pack</source>
        <translation>Paket üçün qovluğu seç</translation>
    </message>
    <message>
        <source>Publishing outcome</source>
        <translation>Dərcin nəticəsi</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Dərc et</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Dərc et</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Bağla</translation>
    </message>
    <message>
        <source>No key chosen yet</source>
        <translation>Hələ açar seçilməyib</translation>
    </message>
    <message>
        <source>Choose key...</source>
        <translation>Açar seç...</translation>
    </message>
    <message>
        <source>No key yet? New key... makes a pair once; keep the .key file safe.</source>
        <translation>Açarınız yoxdur? «Yeni açar...» bir dəfəlik cüt yaradır; .key faylını etibarlı yerdə saxlayın.</translation>
    </message>
    <message>
        <source>This key cannot be read: %1</source>
        <translation>Bu açarı oxumaq olmur: %1</translation>
    </message>
    <message>
        <source>This key cannot be used: %1</source>
        <translation>Bu açardan istifadə etmək olmaz: %1</translation>
    </message>
    <message>
        <source>Fingerprint %1: kiosks that trust its .pub file install these packs.</source>
        <translation>Barmaq izi %1: onun .pub faylına etibar edən kiosklar bu paketləri quraşdırır.</translation>
    </message>
    <message>
        <source>Choose your signing key: the .key file &apos;kiosk pack keygen&apos; made.</source>
        <translation>İmza açarınızı seçin: &apos;kiosk pack keygen&apos; əmrinin yaratdığı .key faylı.</translation>
    </message>
    <message>
        <source>Choose the folder or USB stick to write the pack to.</source>
        <translation>Paketin yazılacağı qovluğu və ya USB yaddaşı seçin.</translation>
    </message>
    <message>
        <source>The key was not made: %1</source>
        <translation>Açar yaradılmadı: %1</translation>
    </message>
    <message>
        <source>Made %1 (private: keep it secret, never copy it to a kiosk) and %2 (public: each kiosk trusts it with &apos;kiosk pack trust&apos;; compare the fingerprint %3).</source>
        <translation>Yaradıldı: %1 (gizli: məxfi saxlayın, heç vaxt kioska köçürməyin) və %2 (açıq: hər kiosk ona &apos;kiosk pack trust&apos; ilə etibar edir; barmaq izini müqayisə edin: %3).</translation>
    </message>
    <message>
        <source>Publishing: checking, packing, signing, writing and checking again...</source>
        <translation>Dərc edilir: yoxlanılır, yığılır, imzalanır, yazılır və yenidən yoxlanılır...</translation>
    </message>
    <message>
        <source>Published and checked.</source>
        <translation>Dərc edildi və yoxlanıldı.</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Fayl: %1</translation>
    </message>
    <message>
        <source>Signed by key: %1</source>
        <translation>İmzalayan açar: %1</translation>
    </message>
    <message>
        <source>Sequence: %1</source>
        <translation>Sıra nömrəsi: %1</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Dərc edilmədi: %1</translation>
    </message>
    <message>
        <source>... and %1 more (see the findings)</source>
        <translation>... və daha %1 (qeydlərə baxın)</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Təsdiq</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Saxla</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Hamısını saxla</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aç</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Bəli</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Hamısına &amp;bəli</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Xeyr</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Hamısına &amp;xeyr</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Dayandır</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Yenidən cəhd et</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Nəzərə alma</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Bağla</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İmtina</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Saxlama</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Kömək</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Tətbiq et</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Sıfırla</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>İlkin dəyərləri bərpa et</translation>
    </message>
</context>
<context>
    <name>ResealDialog</name>
    <message>
        <source>Seal the changed words?</source>
        <translation>Dəyişən sözlər möhürlənsin?</translation>
    </message>
    <message>
        <source>These words of the issued statement differ from the sealed ones:</source>
        <translation>Rəsmi bəyanatın bu sözləri möhürlənmiş sözlərdən fərqlənir:</translation>
    </message>
    <message>
        <source>Changed words</source>
        <translation>Dəyişən sözlər</translation>
    </message>
    <message>
        <source>Seal them only if this is the issued text (a corrected statement, a new official translation). Don&apos;t seal saves your changes all the same; the checks then show each changed word until it is sealed or put back.</source>
        <translation>Yalnız bu rəsmi mətndirsə möhürləyin (düzəliş edilmiş bəyanat, yeni rəsmi tərcümə). «Möhürləmə» dəyişikliklərinizi yenə də saxlayır; yoxlamalar isə hər dəyişən sözü möhürlənənə və ya geri qaytarılana qədər göstərir.</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>Möhürlə</translation>
    </message>
    <message>
        <source>Don&apos;t seal</source>
        <translation>Möhürləmə</translation>
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
        <translation>İlkin sərgiyə qayıt</translation>
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
        <translation>ilkin sərgi «%1»</translation>
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
        <translation>Rədd edildi: bu paketdəki sərgidə səhvlər var. Heç nə dəyişdirilmədi.</translation>
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
        <translation>Sərgidən iş masasına çıxılsın? Ziyarətçilər iş masasını görəcək.</translation>
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
    <name>StudioWindow</name>
    <message>
        <source>Open an exhibit folder</source>
        <translation>Sərgi qovluğunu açın</translation>
    </message>
    <message>
        <source>Write the proof sheet</source>
        <translation>Yoxlama vərəqini yazın</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG şəkilləri (*.png)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Vəziyyət</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Struktur</translation>
    </message>
    <message>
        <source>Read-only file</source>
        <translation>Yalnız oxumaq üçün fayl</translation>
    </message>
    <message>
        <source>Form of the selected item</source>
        <translation>Seçilmiş elementin forması</translation>
    </message>
    <message>
        <source>Outline, form and preview</source>
        <translation>Struktur, forma və önizləmə</translation>
    </message>
    <message>
        <source>Screen:</source>
        <translation>Ekran:</translation>
    </message>
    <message>
        <source>Preview screen</source>
        <translation>Önizləmə ekranı</translation>
    </message>
    <message>
        <source>The selected item</source>
        <translation>Seçilmiş element</translation>
    </message>
    <message>
        <source>Attract</source>
        <translation>Başlanğıc ekranı</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Ana səhifə</translation>
    </message>
    <message>
        <source>Statement, top</source>
        <translation>Bəyanat, əvvəli</translation>
    </message>
    <message>
        <source>Statement, end</source>
        <translation>Bəyanat, sonu</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Rəqəmlər</translation>
    </message>
    <message>
        <source>Preview of the kiosk screen</source>
        <translation>Kiosk ekranının önizləməsi</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Qeydlər</translation>
    </message>
    <message>
        <source>Preview and findings</source>
        <translation>Önizləmə və qeydlər</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fayl</translation>
    </message>
    <message>
        <source>&amp;Open folder...</source>
        <translation>Qovluğu &amp;aç...</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Saxla</translation>
    </message>
    <message>
        <source>&amp;Proof sheet...</source>
        <translation>&amp;Yoxlama vərəqi...</translation>
    </message>
    <message>
        <source>P&amp;ublish...</source>
        <translation>&amp;Dərc et...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Çı&amp;x</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redaktə</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Geri al</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Təkrarla</translation>
    </message>
    <message>
        <source>Unsaved changes found</source>
        <translation>Saxlanılmamış dəyişikliklər tapıldı</translation>
    </message>
    <message>
        <source>The studio closed last time with changes that were not saved. Restore them? (Discard keeps the files as they are.)</source>
        <translation>Studiya keçən dəfə saxlanılmamış dəyişikliklərlə bağlandı. Onlar bərpa edilsin? («Saxlama» faylları olduğu kimi saxlayır.)</translation>
    </message>
    <message>
        <source>Not restored, as the file cannot be read now: %1. Its recovered text is kept until the file is mended and the folder opened again.</source>
        <translation>Bərpa edilmədi, çünki fayl indi oxunmur: %1. Onun bərpa olunmuş mətni fayl düzəldilənə və qovluq yenidən açılana qədər saxlanılır.</translation>
    </message>
    <message>
        <source>%1 — Exhibit studio</source>
        <translation>%1 — Sərgi studiyası</translation>
    </message>
    <message>
        <source>The text recovered for it is kept in the recovery copy until the file can be read again.</source>
        <translation>Onun üçün bərpa olunmuş mətn fayl yenidən oxuna bilənə qədər bərpa nüsxəsində saxlanılır.</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>(yazı)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>(əlavə etmə)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>(silmə)</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>(yerdəyişmə)</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Dəyişdirilmədi: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s): nothing can be drawn until they are mended (see Findings).</source>
        <translation>
            <numerusform>%n xəta: onlar düzəldilənədək heç nə çəkilə bilməz (qeydlərə baxın).</numerusform>
            <numerusform>%n xəta: onlar düzəldilənədək heç nə çəkilə bilməz (qeydlərə baxın).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s): the preview shows the last version that could be drawn.</source>
        <translation>
            <numerusform>%n xəta: önizləmə çəkilə bilən son versiyanı göstərir.</numerusform>
            <numerusform>%n xəta: önizləmə çəkilə bilən son versiyanı göstərir.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 could not be read, so it is shown read-only and never saved:
%2</source>
        <translation>%1 oxunmadı, ona görə yalnız oxumaq üçün göstərilir və heç vaxt saxlanılmır:
%2</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Saxlanılmadı.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Saxlanılmadı</translation>
    </message>
    <message>
        <source>The files could not be written: %1
Your changes are still here.</source>
        <translation>Faylları yazmaq mümkün olmadı: %1
Dəyişiklikləriniz yerindədir.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saxlanıldı.</translation>
    </message>
    <message>
        <source>Saved, not sealed</source>
        <translation>Saxlanıldı, möhürlənmədi</translation>
    </message>
    <message>
        <source>Your changes are saved, but the seal could not be renewed:
%1
The checks show each changed word until it is sealed or put back.</source>
        <translation>Dəyişiklikləriniz saxlanıldı, lakin möhürü yeniləmək mümkün olmadı:
%1
Yoxlamalar hər dəyişən sözü möhürlənənə və ya geri qaytarılana qədər göstərir.</translation>
    </message>
    <message>
        <source>Changed by another program</source>
        <translation>Başqa proqram tərəfindən dəyişdirilib</translation>
    </message>
    <message>
        <source>%1 changed on disk since the studio read it (another program saved it). Save the studio&apos;s version over it? Cancel saves nothing: your changes stay here, and the other program&apos;s stay on disk.</source>
        <translation>Studiya %1 faylını oxuduqdan sonra o, diskdə dəyişdirilib (başqa proqram saxlayıb). Studiyanın versiyası onun üzərinə yazılsın? «İmtina» heç nəyi saxlamır: sizin dəyişiklikləriniz burada, digər proqramınkılar isə diskdə qalır.</translation>
    </message>
    <message>
        <source>No recovery copy could be written: %1</source>
        <translation>Bərpa nüsxəsini yazmaq mümkün olmadı: %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Saxlanılmamış dəyişikliklər</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>«%1»: dəyişikliklər saxlanılsın?</translation>
    </message>
    <message>
        <source>Save first?</source>
        <translation>Əvvəlcə saxlanılsın?</translation>
    </message>
    <message>
        <source>The proof sheet shows the saved files. Save now?</source>
        <translation>Yoxlama vərəqi saxlanılmış faylları göstərir. İndi saxlanılsın?</translation>
    </message>
    <message>
        <source>Writing the proof sheet...</source>
        <translation>Yoxlama vərəqi yazılır...</translation>
    </message>
    <message>
        <source>Proof sheet written: %1</source>
        <translation>Yoxlama vərəqi yazıldı: %1</translation>
    </message>
    <message>
        <source>The proof sheet could not be written.</source>
        <translation>Yoxlama vərəqini yazmaq mümkün olmadı.</translation>
    </message>
    <message>
        <source>Proof sheet</source>
        <translation>Yoxlama vərəqi</translation>
    </message>
    <message>
        <source>A pack is made from the saved files. Save now?</source>
        <translation>Paket saxlanılmış fayllardan hazırlanır. İndi saxlanılsın?</translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>Dərc edildi: %1</translation>
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
    <name>TextColumn</name>
    <message>
        <source>%1, default</source>
        <translation>%1, əsas</translation>
    </message>
    <message>
        <source>No %1 text yet</source>
        <translation>Hələ %1 mətni yoxdur</translation>
    </message>
    <message>
        <source>No %1 translation yet</source>
        <translation>Hələ %1 tərcüməsi yoxdur</translation>
    </message>
    <message>
        <source>Empty: no %1 text yet</source>
        <translation>Boşdur: hələ %1 mətni yoxdur</translation>
    </message>
    <message>
        <source>Not translated yet</source>
        <translation>Tərcümə yoxdur</translation>
    </message>
    <message>
        <source>1 word</source>
        <translation>1 söz</translation>
    </message>
    <message>
        <source>%1 words</source>
        <translation>%1 söz</translation>
    </message>
    <message>
        <source>Issued text — sealed</source>
        <translation>Rəsmi mətn — möhürlənib</translation>
    </message>
    <message>
        <source>Not a text per language in the file: fix it there (see the findings)</source>
        <translation>Faylda dillər üzrə mətn deyil: onu faylda düzəldin (qeydlərə baxın)</translation>
    </message>
    <message>
        <source>Issued text, sealed: %1</source>
        <translation>Rəsmi mətn, möhürlənib: %1</translation>
    </message>
</context>
<context>
    <name>TimelineScreen</name>
    <message>
        <source>Previous moment</source>
        <translation>Əvvəlki hadisə</translation>
    </message>
    <message>
        <source>Next moment</source>
        <translation>Növbəti hadisə</translation>
    </message>
    <message>
        <source>Show the earlier moment</source>
        <translation>Daha əvvəlki hadisəni göstər</translation>
    </message>
    <message>
        <source>Show the later moment</source>
        <translation>Daha sonrakı hadisəni göstər</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock the issued text?</source>
        <translation>Rəsmi mətnin kilidi açılsın?</translation>
    </message>
    <message>
        <source>The statement is shown exactly as it was issued. Its words are sealed, so that a slip of the keyboard cannot change them unnoticed. Line breaks, spaces, quotes and dashes may change; words may not.</source>
        <translation>Bəyanat məhz rəsmi buraxıldığı kimi göstərilir. Onun sözləri möhürlənib ki, klaviaturada təsadüfi səhv onları hiss olunmadan dəyişə bilməsin. Sətir keçidləri, boşluqlar, dırnaqlar və tirelər dəyişə bilər; sözlər isə dəyişə bilməz.</translation>
    </message>
    <message>
        <source>Unlock only to put in a corrected issued text or a new official translation. The texts stay editable until you close the studio. When you save, every changed word is shown, and the new words are sealed only after you confirm them; until then the checks report each changed word.</source>
        <translation>Kilidi yalnız düzəliş edilmiş rəsmi mətni və ya yeni rəsmi tərcüməni daxil etmək üçün açın. Mətnlər studiyanı bağlayana qədər redaktə oluna bilər. Saxladıqda hər dəyişən söz göstəriləcək, yeni sözlər isə yalnız siz təsdiq etdikdən sonra möhürlənəcək; o vaxta qədər yoxlamalar hər dəyişən sözü bildirir.</translation>
    </message>
    <message>
        <source>The seal is not a signature: it guards against careless edits and shows what changed. Who issued an exhibit is proven by the pack&apos;s signature.</source>
        <translation>Möhür imza deyil: o, ehtiyatsız düzəlişlərdən qoruyur və nəyin dəyişdiyini göstərir. Sərgini kimin buraxdığını paketin imzası sübut edir.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Kilidi aç</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İmtina</translation>
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
