// The default value set of a new organisation: the seven core values of the
// plan (Leeuwarden, 2022) and the VNG principles for the digital society I–V.
// Texts are our own words.
import type { LocalText } from "../../instruments/index.ts";

export interface DefaultValue {
  key: string;
  name: LocalText;
  description: LocalText;
}

export const DEFAULT_VALUES: readonly DefaultValue[] = [
  {
    key: "rechtvaardigheid",
    name: { nl: "Rechtvaardigheid", en: "Justice" },
    description: {
      nl: "Iedereen wordt eerlijk en gelijk behandeld. Geen discriminatie, ook niet ongemerkt door vooroordelen in gegevens of algoritmen.",
      en: "Everyone is treated fairly and equally. No discrimination, including unnoticed bias in data or algorithms.",
    },
  },
  {
    key: "menselijke_waardigheid",
    name: { nl: "Menselijke waardigheid", en: "Human dignity" },
    description: {
      nl: "Mensen worden gezien als mens, niet als dossier of risicoscore.",
      en: "People are seen as human beings, not as a file or a risk score.",
    },
  },
  {
    key: "privacy",
    name: { nl: "Privacy", en: "Privacy" },
    description: {
      nl: "Mensen houden grip op hun gegevens en hun persoonlijke levenssfeer.",
      en: "People keep control of their data and their private life.",
    },
  },
  {
    key: "veiligheid",
    name: { nl: "Veiligheid", en: "Security" },
    description: {
      nl: "Gegevens en systemen zijn goed beveiligd; mensen zijn veilig, online en op straat.",
      en: "Data and systems are well secured; people are safe, online and in the street.",
    },
  },
  {
    key: "autonomie",
    name: { nl: "Autonomie", en: "Autonomy" },
    description: {
      nl: "Mensen maken hun eigen keuzes en worden niet ongemerkt gestuurd.",
      en: "People make their own choices and are not steered without noticing.",
    },
  },
  {
    key: "controle_over_technologie",
    name: { nl: "Controle over technologie", en: "Control over technology" },
    description: {
      nl: "De gemeente begrijpt en beheerst de technologie die zij gebruikt, ook als een leverancier die maakt.",
      en: "The municipality understands and controls the technology it uses, also when a supplier makes it.",
    },
  },
  {
    key: "kwaliteit_van_leven",
    name: { nl: "Kwaliteit van leven/duurzaamheid", en: "Quality of life/sustainability" },
    description: {
      nl: "Het project maakt het leven van inwoners beter, nu en later, en gaat zuinig om met mens en milieu.",
      en: "The project improves residents' lives, now and later, and is careful with people and the environment.",
    },
  },
  {
    key: "vng_1",
    name: { nl: "VNG I. Van maatschappelijke waarde", en: "VNG I. Of societal value" },
    description: {
      nl: "Data en technologie dienen een publiek doel en leveren inwoners iets op.",
      en: "Data and technology serve a public purpose and benefit residents.",
    },
  },
  {
    key: "vng_2",
    name: { nl: "VNG II. Rechten over data geregeld", en: "VNG II. Rights over data arranged" },
    description: {
      nl: "Het is duidelijk wie welke rechten heeft over gegevens, en die rechten worden gerespecteerd.",
      en: "It is clear who holds which rights over data, and those rights are respected.",
    },
  },
  {
    key: "vng_3",
    name: { nl: "VNG III. Toegankelijke en veilige digitale infrastructuur", en: "VNG III. Accessible and secure digital infrastructure" },
    description: {
      nl: "De digitale voorzieningen zijn voor iedereen bruikbaar en goed beveiligd.",
      en: "Digital services are usable by everyone and well secured.",
    },
  },
  {
    key: "vng_4",
    name: { nl: "VNG IV. Partijen verbonden", en: "VNG IV. Parties connected" },
    description: {
      nl: "Overheid, bedrijven, kennisinstellingen en inwoners werken samen en sluiten op elkaar aan.",
      en: "Government, businesses, knowledge institutions and residents work together and connect.",
    },
  },
  {
    key: "vng_5",
    name: { nl: "VNG V. Transparantie centraal", en: "VNG V. Transparency at the centre" },
    description: {
      nl: "Wat de gemeente met data en algoritmen doet, is open en uit te leggen.",
      en: "What the municipality does with data and algorithms is open and can be explained.",
    },
  },
];
