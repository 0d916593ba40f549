/**
 * General remarks and temporary-information texts, in French and the 11 translation languages
 * (see root-phrases.ts for why every sentence exists in every language).
 */
import type { Phrase } from './root-phrases';

export type NoticeKey =
  | 'unconditional'
  | 'bringIdentity'
  | 'languagesSpoken'
  | 'closureWorks'
  | 'reducedHours'
  | 'movedTitle'
  | 'movedText';

export const NOTICE_PHRASES: Readonly<Record<NoticeKey, Phrase>> = {
  unconditional: {
    fr: 'Accueil inconditionnel, anonyme et gratuit.',
    en: 'Open to everyone, anonymous and free of charge.',
    es: 'Acogida incondicional, anónima y gratuita.',
    ar: 'استقبال غير مشروط ومجهول الهوية ومجاني.',
    fa: 'پذیرش بدون قید و شرط، ناشناس و رایگان.',
    ps: 'بې قید و شرطه، بې نومه او وړیا هرکلی.',
    ru: 'Приём без условий, анонимно и бесплатно.',
    uk: 'Прийом без умов, анонімно та безкоштовно.',
    ro: 'Primire necondiționată, anonimă și gratuită.',
    ka: 'უპირობო, ანონიმური და უფასო მიღება.',
    ca: 'Acollida incondicional, anònima i gratuïta.',
    pt: 'Acolhimento incondicional, anónimo e gratuito.',
  },
  bringIdentity: {
    fr: "Merci de vous présenter avec une pièce d'identité si vous en avez une.",
    en: 'Please bring an identity document if you have one.',
    es: 'Por favor, traiga un documento de identidad si tiene uno.',
    ar: 'يرجى إحضار وثيقة هوية إن وجدت.',
    fa: 'لطفاً در صورت داشتن، مدرک شناسایی همراه داشته باشید.',
    ps: 'که تاسو سره د پېژندنې سند وي، مهرباني وکړئ له ځان سره یې راوړئ.',
    ru: 'Пожалуйста, возьмите с собой документ, удостоверяющий личность, если он у вас есть.',
    uk: 'Будь ласка, візьміть із собою посвідчення особи, якщо воно у вас є.',
    ro: 'Vă rugăm să aduceți un act de identitate, dacă aveți unul.',
    ka: 'გთხოვთ, თან იქონიოთ პირადობის დამადასტურებელი დოკუმენტი, თუ გაქვთ.',
    ca: "Si us plau, porteu un document d'identitat si en teniu.",
    pt: 'Por favor, traga um documento de identificação, se tiver.',
  },
  languagesSpoken: {
    fr: "L'équipe parle anglais, arabe et espagnol.",
    en: 'The team speaks English, Arabic and Spanish.',
    es: 'El equipo habla inglés, árabe y español.',
    ar: 'يتحدث الفريق الإنجليزية والعربية والإسبانية.',
    fa: 'اعضای تیم به زبان‌های انگلیسی، عربی و اسپانیایی صحبت می‌کنند.',
    ps: 'ټیم په انګلیسي، عربي او هسپانوي ژبو خبرې کوي.',
    ru: 'Команда говорит на английском, арабском и испанском языках.',
    uk: 'Команда розмовляє англійською, арабською та іспанською мовами.',
    ro: 'Echipa vorbește engleză, arabă și spaniolă.',
    ka: 'გუნდი საუბრობს ინგლისურად, არაბულად და ესპანურად.',
    ca: "L'equip parla anglès, àrab i castellà.",
    pt: 'A equipa fala inglês, árabe e espanhol.',
  },
  closureWorks: {
    fr: 'Fermeture exceptionnelle pour travaux.',
    en: 'Exceptionally closed for building work.',
    es: 'Cierre excepcional por obras.',
    ar: 'إغلاق استثنائي بسبب أشغال.',
    fa: 'تعطیلی موقت به دلیل تعمیرات.',
    ps: 'د ترمیم کار له امله استثنایي بندیز.',
    ru: 'Временно закрыто на ремонт.',
    uk: 'Тимчасово зачинено на ремонт.',
    ro: 'Închis în mod excepțional pentru lucrări.',
    ka: 'დროებით დახურულია სარემონტო სამუშაოების გამო.',
    ca: 'Tancament excepcional per obres.',
    pt: 'Encerramento excecional para obras.',
  },
  reducedHours: {
    fr: 'Horaires réduits pendant les vacances scolaires.',
    en: 'Reduced opening hours during the school holidays.',
    es: 'Horario reducido durante las vacaciones escolares.',
    ar: 'ساعات عمل مخفضة خلال العطل المدرسية.',
    fa: 'ساعات کاری کاهش‌یافته در تعطیلات مدارس.',
    ps: 'د ښوونځي د رخصتیو پر مهال کم ساعتونه.',
    ru: 'Сокращённый график во время школьных каникул.',
    uk: 'Скорочений графік під час шкільних канікул.',
    ro: 'Program redus în timpul vacanțelor școlare.',
    ka: 'შემცირებული სამუშაო საათები სასკოლო არდადეგების დროს.',
    ca: 'Horari reduït durant les vacances escolars.',
    pt: 'Horário reduzido durante as férias escolares.',
  },
  movedTitle: {
    fr: 'Distribution déplacée',
    en: 'Distribution moved',
    es: 'Distribución trasladada',
    ar: 'نقل مكان التوزيع',
    fa: 'تغییر محل توزیع',
    ps: 'د ویش ځای بدل شوی',
    ru: 'Раздача перенесена',
    uk: 'Роздачу перенесено',
    ro: 'Distribuție mutată',
    ka: 'დარიგება გადატანილია',
    ca: 'Distribució traslladada',
    pt: 'Distribuição transferida',
  },
  movedText: {
    fr: 'La distribution a lieu temporairement dans la salle des fêtes.',
    en: 'The distribution is temporarily held in the community hall.',
    es: 'La distribución se realiza temporalmente en el salón de actos municipal.',
    ar: 'يتم التوزيع مؤقتًا في قاعة الحفلات.',
    fa: 'توزیع به طور موقت در سالن اجتماعات انجام می‌شود.',
    ps: 'ویش په لنډمهاله توګه د غونډو په تالار کې ترسره کېږي.',
    ru: 'Раздача временно проходит в зале торжеств.',
    uk: 'Роздача тимчасово відбувається в залі урочистостей.',
    ro: 'Distribuția are loc temporar în sala de festivități.',
    ka: 'დარიგება დროებით საზეიმო დარბაზში ტარდება.',
    ca: "La distribució es fa temporalment a la sala d'actes.",
    pt: 'A distribuição realiza-se temporariamente no salão de festas.',
  },
};
