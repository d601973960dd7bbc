/** Catalogue of common visit reasons (« motifs ») that patients search by (SPEC B2) and practices start from (J2). */

export interface ReasonKind {
  code: string;
  label_fr: string;
  label_en: string;
  /** Specialty the reason belongs to, or null for a reason any practitioner may offer. */
  specialty_code: string | null;
  /** A video consultation (SPEC G1); a reason that is not video never happens by video (e.g. sports certificates). */
  video: boolean;
  duration_minutes: number;
  /** Patients on one slot (SPEC C7): > 1 for group sessions. */
  capacity: number;
  /** Typical price in cents, or null: the specialty's base tariff. */
  fee_cents: number | null;
}

type Options = { video?: boolean; capacity?: number; fee_cents?: number };

/** One catalogue entry; most reasons are in-person, single-patient, at the specialty's base tariff. */
function reason(
  code: string, specialty_code: string | null, label_fr: string, label_en: string, duration_minutes: number,
  options: Options = {},
): ReasonKind {
  return {
    code, label_fr, label_en, specialty_code, video: options.video ?? false, duration_minutes,
    capacity: options.capacity ?? 1, fee_cents: options.fee_cents ?? null,
  };
}

export const REASON_KINDS: readonly ReasonKind[] = [
  // Any specialty
  reason('first-consultation', null, 'Première consultation', 'First consultation', 20),
  reason('follow-up', null, 'Consultation de suivi', 'Follow-up consultation', 15),
  reason('video-consultation', null, 'Consultation vidéo', 'Video consultation', 15, { video: true }),
  reason('urgent-consultation', null, 'Consultation urgente', 'Urgent consultation', 15),
  // Médecin généraliste
  reason('gp-consultation', 'SM54', 'Consultation de médecine générale', 'General practice consultation', 15),
  reason('sports-certificate', 'SM54', 'Certificat médical de sport', 'Sports medical certificate', 15),
  reason('vaccination', 'SM54', 'Vaccination', 'Vaccination', 10),
  reason('prescription-renewal', 'SM54', "Renouvellement d'ordonnance", 'Prescription renewal', 15),
  reason('child-consultation', 'SM54', 'Consultation enfant', 'Child consultation', 20),
  // Ophtalmologue
  reason('eye-exam', 'SM38', 'Examen de la vue', 'Eye examination', 20),
  reason('glasses-renewal', 'SM38', 'Renouvellement de lunettes', 'Glasses renewal', 15),
  reason('contact-lenses', 'SM38', 'Adaptation de lentilles de contact', 'Contact lens fitting', 30),
  reason('fundus-exam', 'SM38', "Fond d'œil", 'Fundus examination', 20),
  reason('eye-emergency', 'SM38', 'Urgence ophtalmologique', 'Eye emergency', 15),
  // Dermatologue
  reason('mole-check', 'SM15', 'Contrôle des grains de beauté', 'Mole check', 20),
  reason('acne', 'SM15', 'Acné', 'Acne', 20),
  reason('wart-cryotherapy', 'SM15', 'Cryothérapie des verrues', 'Wart cryotherapy', 15),
  reason('eczema', 'SM15', 'Eczéma', 'Eczema', 20),
  // Pédiatre
  reason('infant-checkup', 'SM39', 'Suivi du nourrisson', 'Infant check-up', 20),
  reason('child-vaccination', 'SM39', "Vaccination de l'enfant", 'Child vaccination', 15),
  reason('sick-child', 'SM39', 'Enfant malade', 'Sick child', 20),
  // Gynécologue médical
  reason('gynaecology-checkup', 'SM19', 'Consultation gynécologique de suivi', 'Gynaecological check-up', 20),
  reason('contraception', 'SM19', 'Contraception', 'Contraception', 20),
  reason('smear-test', 'SM19', 'Frottis de dépistage', 'Smear test', 20),
  reason('menopause', 'SM19', 'Ménopause', 'Menopause', 20),
  // Gynécologue obstétricien
  reason('obstetric-pregnancy-follow-up', 'SM20', 'Suivi de grossesse', 'Pregnancy follow-up', 20),
  reason('obstetric-ultrasound', 'SM20', 'Échographie obstétricale', 'Obstetric ultrasound', 30, { fee_cents: 5500 }),
  reason('iud-insertion', 'SM20', "Pose de stérilet (DIU)", 'IUD insertion', 30, { fee_cents: 6800 }),
  // Cardiologue
  reason('cardiology-checkup', 'SM04', 'Bilan cardiologique', 'Cardiology check-up', 30),
  reason('ecg', 'SM04', 'Électrocardiogramme (ECG)', 'Electrocardiogram (ECG)', 15),
  reason('cardiac-ultrasound', 'SM04', 'Échographie cardiaque', 'Cardiac ultrasound', 30, { fee_cents: 9600 }),
  reason('sports-cardiology', 'SM04', 'Bilan cardiaque avant le sport', 'Cardiac check-up before sport', 30),
  // Psychiatre
  reason('psychiatry-follow-up', 'SM41', 'Suivi psychiatrique', 'Psychiatric follow-up', 30),
  reason('psychiatry-video-follow-up', 'SM41', 'Suivi psychiatrique en vidéo', 'Psychiatric follow-up by video', 30, { video: true }),
  // ORL
  reason('hearing-test', 'SM34', 'Audiogramme (test auditif)', 'Hearing test', 20),
  reason('earwax-removal', 'SM34', 'Bouchon de cérumen', 'Earwax removal', 15),
  reason('sinusitis', 'SM34', 'Sinusite', 'Sinusitis', 20),
  // Rhumatologue
  reason('back-pain', 'SM46', 'Mal de dos', 'Back pain', 20),
  reason('joint-injection', 'SM46', 'Infiltration', 'Joint injection', 20),
  reason('osteoporosis', 'SM46', 'Ostéoporose', 'Osteoporosis', 20),
  // Gastro-entérologue
  reason('pre-colonoscopy', 'SM24', 'Consultation avant coloscopie', 'Consultation before colonoscopy', 20),
  reason('acid-reflux', 'SM24', 'Reflux gastro-œsophagien', 'Acid reflux', 20),
  // Radiologue
  reason('x-ray', 'SM43', 'Radiographie', 'X-ray', 10, { fee_cents: 2500 }),
  reason('ultrasound', 'SM43', 'Échographie', 'Ultrasound', 20, { fee_cents: 5600 }),
  reason('mammography', 'SM43', 'Mammographie', 'Mammography', 20, { fee_cents: 6600 }),
  reason('mri', 'SM43', 'IRM', 'MRI scan', 30, { fee_cents: 6900 }),
  reason('ct-scan', 'SM43', 'Scanner', 'CT scan', 20, { fee_cents: 5000 }),
  // Endocrinologue
  reason('diabetes-follow-up', 'SM16', 'Suivi du diabète', 'Diabetes follow-up', 30),
  reason('thyroid', 'SM16', 'Thyroïde', 'Thyroid', 30),
  // Pneumologue
  reason('lung-function-test', 'SM40', 'Épreuves fonctionnelles respiratoires', 'Lung function test', 30),
  reason('asthma', 'SM40', 'Asthme', 'Asthma', 30),
  reason('sleep-apnoea', 'SM40', 'Apnée du sommeil', 'Sleep apnoea', 30),
  // Neurologue
  reason('headache', 'SM32', 'Migraine et maux de tête', 'Migraine and headache', 30),
  reason('eeg', 'SM32', 'Électroencéphalogramme (EEG)', 'Electroencephalogram (EEG)', 45),
  // Chirurgien orthopédiste
  reason('pre-operative', 'SM08', 'Consultation pré-opératoire', 'Pre-operative consultation', 20),
  reason('post-operative', 'SM08', 'Contrôle post-opératoire', 'Post-operative check', 15),
  reason('sports-injury', 'SM08', 'Traumatologie du sport', 'Sports injury', 20),
  // Urologue
  reason('prostate-checkup', 'SM12', 'Bilan prostatique', 'Prostate check-up', 20),
  reason('vasectomy-consultation', 'SM12', 'Consultation vasectomie', 'Vasectomy consultation', 20),
  // Stomatologue
  reason('wisdom-teeth', 'SM48', 'Extraction des dents de sagesse', 'Wisdom teeth removal', 30),
  // Médecine physique et de réadaptation
  reason('rehabilitation-assessment', 'SM29', 'Bilan de rééducation', 'Rehabilitation assessment', 30),
  // Gériatre
  reason('memory-assessment', 'SM18', 'Bilan mémoire', 'Memory assessment', 45),
  // Chirurgien-dentiste
  reason('dental-checkup', 'G15_40', 'Contrôle dentaire', 'Dental check-up', 20),
  reason('scaling', 'G15_40', 'Détartrage', 'Scaling', 30, { fee_cents: 2892 }),
  reason('dental-emergency', 'G15_40', 'Urgence dentaire', 'Dental emergency', 30),
  reason('dental-filling', 'G15_40', 'Soin de carie', 'Filling', 30, { fee_cents: 2650 }),
  reason('tooth-extraction', 'G15_40', 'Extraction dentaire', 'Tooth extraction', 30, { fee_cents: 3344 }),
  reason('dental-implant-consultation', 'G15_40', 'Consultation implantologie', 'Dental implant consultation', 30),
  // Sage-femme
  reason('pregnancy-follow-up', 'G15_50', 'Suivi de grossesse', 'Pregnancy follow-up', 30),
  reason('birth-preparation', 'G15_50', 'Séance de préparation à la naissance', 'Antenatal class', 60, { capacity: 6, fee_cents: 2800 }),
  reason('perineal-rehabilitation', 'G15_50', 'Rééducation du périnée', 'Pelvic floor rehabilitation', 30, { fee_cents: 2000 }),
  reason('postnatal-visit', 'G15_50', 'Consultation post-natale', 'Postnatal visit', 30),
  reason('midwife-gynaecology', 'G15_50', 'Suivi gynécologique de prévention', 'Preventive gynaecological check-up', 30),
  // Infirmier
  reason('blood-test', 'G15_60', 'Prise de sang', 'Blood test', 10),
  reason('nurse-vaccination', 'G15_60', 'Vaccination', 'Vaccination', 10),
  reason('wound-dressing', 'G15_60', 'Pansement', 'Wound dressing', 15),
  reason('injection', 'G15_60', 'Injection', 'Injection', 10),
  reason('stitches-removal', 'G15_60', 'Retrait de points ou d’agrafes', 'Stitches removal', 15),
  // Masseur-kinésithérapeute
  reason('physiotherapy-assessment', 'G15_70', 'Bilan kinésithérapique', 'Physiotherapy assessment', 45, { fee_cents: 3000 }),
  reason('rehabilitation-session', 'G15_70', 'Séance de rééducation', 'Rehabilitation session', 30),
  reason('respiratory-physiotherapy', 'G15_70', 'Kinésithérapie respiratoire', 'Respiratory physiotherapy', 30),
  reason('sports-physiotherapy', 'G15_70', 'Kinésithérapie du sport', 'Sports physiotherapy', 30),
  // Pédicure-podologue
  reason('chiropody', 'G15_80', 'Soins de pédicurie', 'Chiropody care', 30),
  reason('foot-orthoses', 'G15_80', 'Semelles orthopédiques', 'Foot orthoses', 45, { fee_cents: 12000 }),
  reason('diabetic-foot', 'G15_80', 'Bilan podologique du pied diabétique', 'Diabetic foot assessment', 45, { fee_cents: 3400 }),
  // Orthophoniste
  reason('speech-assessment', 'G15_91', 'Bilan orthophonique', 'Speech assessment', 60, { fee_cents: 8000 }),
  reason('speech-therapy-session', 'G15_91', 'Séance de rééducation orthophonique', 'Speech therapy session', 30),
  // Orthoptiste
  reason('orthoptic-assessment', 'G15_92', 'Bilan orthoptique', 'Orthoptic assessment', 30, { fee_cents: 3000 }),
  reason('orthoptic-session', 'G15_92', 'Séance de rééducation orthoptique', 'Orthoptic rehabilitation session', 30),
  reason('orthoptic-screening', 'G15_92', 'Dépistage visuel', 'Vision screening', 20),
  // Psychologue
  reason('psychotherapy-session', 'G15_93', 'Séance de psychothérapie', 'Psychotherapy session', 45, { fee_cents: 6000 }),
  reason('mon-soutien-psy', 'G15_93', 'Séance Mon soutien psy', '« Mon soutien psy » session', 45),
  reason('group-therapy', 'G15_93', 'Thérapie de groupe', 'Group therapy', 90, { capacity: 8, fee_cents: 3000 }),
];
