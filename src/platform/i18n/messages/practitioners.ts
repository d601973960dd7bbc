/**
 * Practitioner page (SPEC B5, B6, B7): convention sectors and what they mean for reimbursement, after seed 001
 * « Assurance Santé - Conventionnement et remboursement ». The flat participation is 2 € since 15 May 2024
 * (the seed, older, says 1 €): see docs/decisions.md « Practitioner page ». French first.
 */
export const practitioners = {
  fr: {
    'practitioner.error.not_found': 'Ce praticien est introuvable.',
    'practitioner.no_online_booking': 'Aucune disponibilité en ligne',
    'practitioner.call_to_book': 'Ce praticien ne propose pas la prise de rendez-vous en ligne. Appelez le {phone}.',
    'practitioner.reimbursement.title': 'Conventionnement et remboursement',

    'sector.1.label': 'Conventionné secteur 1',
    'sector.2.label': 'Conventionné secteur 2',
    'sector.2-optam.label': 'Conventionné secteur 2 avec OPTAM',
    'sector.2-optam-co.label': 'Conventionné secteur 2 avec OPTAM-co',
    'sector.conventionne.label': 'Conventionné',
    'sector.non-conventionne.label': 'Non conventionné',

    'sector.1.explanation':
      'Ce médecin est conventionné secteur 1. Il applique les tarifs de base de la Sécurité sociale. En général, celle-ci vous rembourse 70 % de ce tarif si vous suivez le parcours de soins coordonnés. Votre mutuelle peut compléter le remboursement, hors participation forfaitaire de 2 €. Des dépassements d’honoraires sont possibles seulement si vous faites une demande exceptionnelle (visite à domicile, consultation le week-end ou un jour férié…) ; ils ne sont jamais remboursés par la Sécurité sociale.',
    'sector.2.explanation':
      'Ce médecin est conventionné secteur 2. Il pratique des dépassements d’honoraires. La Sécurité sociale vous rembourse sur la base des tarifs du secteur 1 (en général 70 % de ce tarif si vous suivez le parcours de soins coordonnés), hors participation forfaitaire de 2 €. Les dépassements ne sont jamais remboursés par la Sécurité sociale ; selon votre mutuelle, ils peuvent l’être en partie ou en totalité.',
    'sector.2-optam.explanation':
      'Ce médecin est conventionné secteur 2 et signataire de l’OPTAM. Il pratique des dépassements d’honoraires qu’il s’engage auprès de la Sécurité sociale à limiter. Celle-ci vous rembourse sur la base des tarifs du secteur 1 (70 % de ce tarif si vous suivez le parcours de soins coordonnés), hors participation forfaitaire de 2 €. Les dépassements ne sont jamais remboursés par la Sécurité sociale ; selon votre mutuelle, ils peuvent l’être en partie ou en totalité.',
    'sector.2-optam-co.explanation':
      'Ce médecin est conventionné secteur 2 et signataire de l’OPTAM-co. Il pratique des dépassements d’honoraires qu’il s’engage auprès de la Sécurité sociale à limiter. Celle-ci vous rembourse sur la base des tarifs du secteur 1 (70 % de ce tarif si vous suivez le parcours de soins coordonnés), hors participation forfaitaire de 2 €. Les dépassements ne sont jamais remboursés par la Sécurité sociale ; selon votre mutuelle, ils peuvent l’être en partie ou en totalité.',
    'sector.conventionne.doctor.explanation':
      'Ce médecin est conventionné. Il applique les tarifs de base de la Sécurité sociale, qui vous rembourse en général 70 % de ce tarif si vous suivez le parcours de soins coordonnés, hors participation forfaitaire de 2 €. Des dépassements d’honoraires sont possibles seulement sur demande exceptionnelle de votre part ; ils ne sont jamais remboursés par la Sécurité sociale.',
    'sector.conventionne.dentist.explanation':
      'Ce chirurgien-dentiste est conventionné. Il applique les tarifs de base pour les soins courants (carie, dévitalisation, extraction d’une dent…), remboursés à 70 % par la Sécurité sociale ; le reste peut être pris en charge en partie ou en totalité par votre mutuelle. Il fixe librement ses tarifs pour les prothèses dentaires (dentier, couronne, implant, bridge, inlay/onlay), qui doivent faire l’objet d’un devis préalable. Pour une exigence particulière (consultation le week-end ou un jour férié…), il peut facturer des dépassements d’honoraires, non remboursés par la Sécurité sociale.',
    'sector.conventionne.midwife.explanation':
      'Cette sage-femme est conventionnée. Elle applique les tarifs de base de la Sécurité sociale, qui vous rembourse 70 % de ce tarif. Des dépassements d’honoraires sont possibles si vous faites une demande exceptionnelle (visite à domicile, consultation le week-end ou un jour férié…) ; ils ne sont jamais remboursés par la Sécurité sociale.',
    'sector.conventionne.auxiliary.explanation':
      'Ce professionnel est conventionné. Si les actes pour lesquels vous le consultez vous ont été prescrits par un médecin, la Sécurité sociale vous rembourse 60 % du tarif de base ; le reste peut être pris en charge en partie ou en totalité par votre mutuelle. Des dépassements d’honoraires sont possibles si vous faites une demande exceptionnelle (visite à domicile, consultation le week-end ou un jour férié…) ; ils ne sont jamais remboursés par la Sécurité sociale.',
    'sector.non-conventionne.explanation':
      'Ce professionnel n’a pas adhéré à la convention de la Sécurité sociale. Il fixe librement ses tarifs. La Sécurité sociale ne rembourse que sur la base d’un « tarif d’autorité » de quelques centimes : le remboursement que vous recevrez sera minime.',

    'reimbursement.overruns.none': 'Tarifs de base de la Sécurité sociale',
    'reimbursement.overruns.limited': 'Dépassements d’honoraires maîtrisés (OPTAM)',
    'reimbursement.overruns.free': 'Dépassements d’honoraires libres',
    'reimbursement.overruns.not-covered': 'Hors convention : remboursement minime',
    'reimbursement.rate': 'Remboursé à {rate} % du tarif de base dans le parcours de soins coordonnés',
    'reimbursement.flat_participation':
      'Participation forfaitaire : la Sécurité sociale ne permet pas la gratuité totale des soins. Une participation de {amount} reste à votre charge pour chaque consultation chez un médecin ; elle n’est remboursée ni par la Sécurité sociale ni par la mutuelle.',
    'reimbursement.coordinated_care':
      'Parcours de soins coordonnés : à partir de 16 ans, vous déclarez un médecin traitant, qui vous adresse si besoin à un spécialiste. Sans cela, vous êtes moins bien remboursé, sauf urgence, affection de longue durée ou spécialiste en accès direct (gynécologue, ophtalmologue…).',
    'reimbursement.optam':
      'OPTAM : accord entre la Sécurité sociale et les médecins qui limite leurs dépassements d’honoraires (un taux moyen à ne pas dépasser sur l’année). Chez un médecin signataire, les dépassements sont plus faibles et mieux remboursés.',

    'practitioner.carte_vitale.accepted': 'Carte Vitale acceptée',
    'practitioner.carte_vitale.accepted.explanation':
      'Assurez-vous que votre carte Vitale est à jour pour bénéficier de la télétransmission et être remboursé rapidement ; vous n’avez pas de feuille de soins papier à envoyer.',
    'practitioner.carte_vitale.refused': 'Carte Vitale non acceptée',
    'practitioner.carte_vitale.refused.explanation':
      'Ce professionnel n’accepte pas la carte Vitale. La prise en charge par la Sécurité sociale reste la même, mais vous devez envoyer vous-même la feuille de soins à votre caisse d’Assurance maladie, en y indiquant votre numéro de Sécurité sociale.',
    'practitioner.tiers_payant': 'Tiers payant',
    'practitioner.tiers_payant.explanation':
      'Vous n’avancez pas la part des frais prise en charge par la Sécurité sociale. Pensez à mettre à jour votre carte Vitale.',
    'practitioner.no_tiers_payant': 'Pas de tiers payant',

    'payment.card': 'Carte bancaire',
    'payment.check': 'Chèque',
    'payment.cash': 'Espèces',
  },
  en: {
    'practitioner.error.not_found': 'This practitioner cannot be found.',
    'practitioner.no_online_booking': 'No online availability',
    'practitioner.call_to_book': 'This practitioner does not offer online booking. Call {phone}.',
    'practitioner.reimbursement.title': 'Convention sector and reimbursement',

    'sector.1.label': 'Sector 1 (agreed fees)',
    'sector.2.label': 'Sector 2 (fees above the agreed tariff)',
    'sector.2-optam.label': 'Sector 2 with OPTAM',
    'sector.2-optam-co.label': 'Sector 2 with OPTAM-co',
    'sector.conventionne.label': 'Agreed with the national health insurance',
    'sector.non-conventionne.label': 'Not agreed with the national health insurance',

    'sector.1.explanation':
      'This doctor is in sector 1 and charges the national health insurance (Sécurité sociale) base tariffs. It usually reimburses 70% of that tariff if you follow the coordinated care pathway. Your complementary insurance (mutuelle) may pay the rest, except the €2 flat participation. Fees above the tariff are only possible at your exceptional request (home visit, weekend or public holiday consultation…) and are never reimbursed by the Sécurité sociale.',
    'sector.2.explanation':
      'This doctor is in sector 2 and charges fees above the base tariff. The Sécurité sociale reimburses on the basis of the sector 1 tariffs (usually 70% of that tariff if you follow the coordinated care pathway), except the €2 flat participation. The extra fees are never reimbursed by the Sécurité sociale; depending on your mutuelle, they may be partly or fully reimbursed.',
    'sector.2-optam.explanation':
      'This doctor is in sector 2 and has signed the OPTAM agreement: the fees charged above the base tariff are limited by a commitment to the Sécurité sociale. It reimburses on the basis of the sector 1 tariffs (70% of that tariff if you follow the coordinated care pathway), except the €2 flat participation. The extra fees are never reimbursed by the Sécurité sociale; depending on your mutuelle, they may be partly or fully reimbursed.',
    'sector.2-optam-co.explanation':
      'This doctor is in sector 2 and has signed the OPTAM-co agreement: the fees charged above the base tariff are limited by a commitment to the Sécurité sociale. It reimburses on the basis of the sector 1 tariffs (70% of that tariff if you follow the coordinated care pathway), except the €2 flat participation. The extra fees are never reimbursed by the Sécurité sociale; depending on your mutuelle, they may be partly or fully reimbursed.',
    'sector.conventionne.doctor.explanation':
      'This doctor is agreed with the national health insurance and charges its base tariffs. The Sécurité sociale usually reimburses 70% of that tariff if you follow the coordinated care pathway, except the €2 flat participation. Fees above the tariff are only possible at your exceptional request and are never reimbursed by the Sécurité sociale.',
    'sector.conventionne.dentist.explanation':
      'This dental surgeon is agreed with the national health insurance and charges the base tariffs for routine care (cavities, root canals, extractions…), reimbursed at 70% by the Sécurité sociale; your mutuelle may pay part or all of the rest. Prices of dental prostheses (dentures, crowns, implants, bridges, inlays/onlays) are set freely and require a prior quote. For special requests (weekend or public holiday consultation…) the dentist may charge extra fees, not reimbursed by the Sécurité sociale.',
    'sector.conventionne.midwife.explanation':
      'This midwife is agreed with the national health insurance and charges its base tariffs, reimbursed at 70% by the Sécurité sociale. Fees above the tariff are possible at your exceptional request (home visit, weekend or public holiday consultation…) and are never reimbursed by the Sécurité sociale.',
    'sector.conventionne.auxiliary.explanation':
      'This professional is agreed with the national health insurance. If a doctor prescribed the care you come for, the Sécurité sociale reimburses 60% of the base tariff; your mutuelle may pay part or all of the rest. Fees above the tariff are possible at your exceptional request (home visit, weekend or public holiday consultation…) and are never reimbursed by the Sécurité sociale.',
    'sector.non-conventionne.explanation':
      'This professional has not joined the national health insurance agreement and sets fees freely. The Sécurité sociale only reimburses on an « authority tariff » of a few cents: your reimbursement will be minimal.',

    'reimbursement.overruns.none': 'National health insurance base tariffs',
    'reimbursement.overruns.limited': 'Limited extra fees (OPTAM)',
    'reimbursement.overruns.free': 'Free extra fees',
    'reimbursement.overruns.not-covered': 'Outside the agreement: minimal reimbursement',
    'reimbursement.rate': '{rate}% of the base tariff reimbursed within the coordinated care pathway',
    'reimbursement.flat_participation':
      'Flat participation: the Sécurité sociale does not allow care to be entirely free. A participation of {amount} is left to you for each consultation with a doctor; neither the Sécurité sociale nor your mutuelle reimburses it.',
    'reimbursement.coordinated_care':
      'Coordinated care pathway: from the age of 16 you declare a regular doctor (médecin traitant), who refers you to a specialist when needed. Otherwise you are reimbursed less, except in emergencies, for long-term conditions, or with specialists you may see directly (gynaecologist, ophthalmologist…).',
    'reimbursement.optam':
      'OPTAM: an agreement between the Sécurité sociale and doctors that caps their extra fees (an average rate not to be exceeded over the year). With a signatory doctor, extra fees are lower and better reimbursed.',

    'practitioner.carte_vitale.accepted': 'Carte Vitale accepted',
    'practitioner.carte_vitale.accepted.explanation':
      'Make sure your Carte Vitale is up to date to benefit from electronic claims and quick reimbursement; there is no paper claim form to send.',
    'practitioner.carte_vitale.refused': 'Carte Vitale not accepted',
    'practitioner.carte_vitale.refused.explanation':
      'This professional does not accept the Carte Vitale. The Sécurité sociale covers you the same, but you must send the paper claim form to your health insurance office yourself, with your social security number on it.',
    'practitioner.tiers_payant': 'Third-party payment (tiers payant)',
    'practitioner.tiers_payant.explanation':
      'You do not pay upfront the share covered by the Sécurité sociale. Remember to update your Carte Vitale.',
    'practitioner.no_tiers_payant': 'No third-party payment',

    'payment.card': 'Card',
    'payment.check': 'Cheque',
    'payment.cash': 'Cash',
  },
} as const;
